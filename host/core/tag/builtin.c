/*
** builtin.c: the English model (en.model, made by `make train-tagger`) compiled into the library
** as bytes, tg_en_model[0 .. tg_en_model_end), with the assembler's .incbin: the build needs no
** generated file and no tool beyond the compiler. model.c makes it a model on first use.
*/
__asm__(".section .rodata\n"
        ".balign 16\n"
        ".globl tg_en_model\n"
        ".type tg_en_model, @object\n"
        "tg_en_model:\n"
        ".incbin \"host/core/tag/en.model\"\n"
        ".globl tg_en_model_end\n"
        ".type tg_en_model_end, @object\n"
        "tg_en_model_end:\n"
        ".byte 0\n"
        ".previous\n");
