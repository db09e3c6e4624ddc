#ifndef LSTMLAB_CREADLINE_SHIM_H
#define LSTMLAB_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Swift 6 rejects readline's mutable C globals as not concurrency-safe, so
   the executable reaches them only through these accessors. */

typedef char **lstm_completion_fn(const char *text, int start, int end);

static inline void lstm_rl_set_attempted_completion_function(lstm_completion_fn *fn) {
    rl_attempted_completion_function = fn;
}

/* 1: no filename fallback when our completer returns NULL. */
static inline void lstm_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }

/* 1: do not append a space after a single match (words ending in '='). */
static inline void lstm_rl_set_completion_suppress_append(int value) { rl_completion_suppress_append = value; }

/* Names readline for `$if lstmlab` in ~/.inputrc, and makes only blanks
   separate words so `t=`, `B=` and paths complete whole. String literals:
   readline keeps the pointers. */
static inline void lstm_rl_configure_words(void) {
    rl_readline_name = "lstmlab";
    rl_completer_word_break_characters = " \t\n";
}

/* 0: list matches in the order given (lesson numbers 1, 2, …, 10). */
static inline void lstm_rl_set_sort_completion_matches(int value) { rl_sort_completion_matches = value; }

static inline void lstm_rl_set_catch_signals(int value) { rl_catch_signals = value; }

/* The line being edited (readline owns it). */
static inline const char *lstm_rl_line_buffer(void) { return rl_line_buffer; }

static inline int lstm_history_length(void) { return history_length; }
static inline int lstm_history_base(void) { return history_base; }

/* The newest history entry's text, or NULL. */
static inline const char *lstm_history_last(void) {
    if (history_length <= 0) return NULL;
    HIST_ENTRY *e = history_get(history_base + history_length - 1);
    return e ? e->line : NULL;
}

#endif
