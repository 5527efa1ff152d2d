/*
** tag.h: the part-of-speech tagger and lemmatizer (English). An averaged perceptron over hashed
** features of a token and its neighbours, decoded greedily left to right, predicts a Penn Treebank
** tag (XPOS) and a Universal Dependencies tag (UPOS) as one class; lemmas come from rules by XPOS,
** word lists and an exception list. The model is data (a file, or the one compiled in); it is
** read-only once made, so any number of threads may share it, each with its own tg_state.
*/
#ifndef LECTOR_TAG_H
#define LECTOR_TAG_H

#include <stddef.h>
#include <stdint.h>

typedef struct tg_model tg_model;
enum { TG_UPOS = 0, TG_XPOS = 1 };

/* The English model compiled into the library (UD English EWT); made on first use, safely from
** any thread. Never NULL (an unreadable built-in model is a build error, caught by make test). */
const tg_model *tg_builtin(void);

/* A model file (as written by host/tools/tagtrain.c). Returns it, or NULL with a message naming
** the file in err[0..errlen) when it cannot be read, is not a model or is corrupt. */
tg_model *tg_model_read(const char *path, char *err, size_t errlen);

/* Frees a model from tg_model_read (NULL and the built-in model are ignored). No state of it
** may be in use. */
void tg_model_free(tg_model *m);

/* The number of tags in TG_UPOS or TG_XPOS (0 for another set). */
size_t tg_ntags(const tg_model *m, int set);

/* The name of tag id in set ("NOUN", "NN", ...), or NULL when there is no such tag. */
const char *tg_tag_name(const tg_model *m, int set, unsigned id);

/* The id of the tag called name in set, or -1. */
int tg_tag_id(const tg_model *m, int set, const char *name);

/* Per-thread scratch; one per thread, never shared. It remembers the word types it tagged last
** (about 1.7 MB with the built-in model, made by tg_state_new), so that a state kept from one
** sentence and document to the next tags faster; what it remembers never changes a result.
** NULL when memory ran out. */
typedef struct tg_state tg_state;
tg_state *tg_state_new(const tg_model *m);
void tg_state_free(tg_state *st);

/* Tags one sentence of n tokens, word[i] the token's text (UTF-8, len[i] bytes, case as written).
** Fills upos[i], xpos[i] (ids into the model's tag tables) and lemma[i] / lemma_len[i] (pointers
** valid until the next call with st). Returns 0, or -1 when memory ran out. */
int tg_tag_sentence(tg_state *st, size_t n, const char *const *word, const uint32_t *len,
                    uint16_t *upos, uint16_t *xpos, const char **lemma, uint32_t *lemma_len);

#endif
