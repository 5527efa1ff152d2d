/*
** builtin.c: the English model (en.model, made by `make train-tagger`, kept as en.model.gz and
** unpacked by the build into TG_MODEL_PATH) compiled into the library as bytes,
** tg_en_model[0 .. tg_en_model_end), with the assembler's .incbin. model.c makes it a model on
** first use.
*/
#if !defined(TG_MODEL_PATH)
#define TG_MODEL_PATH "build/en.model"
#endif

__asm__(".section .rodata\n"
        ".balign 16\n"
        ".globl tg_en_model\n"
        ".type tg_en_model, @object\n"
        "tg_en_model:\n"
        ".incbin \"" TG_MODEL_PATH "\"\n"
        ".globl tg_en_model_end\n"
        ".type tg_en_model_end, @object\n"
        "tg_en_model_end:\n"
        ".byte 0\n"
        ".previous\n");
