/*
** ptydrive.c: runs a command on a pseudo-terminal and plays a script to it, so that the REPL
** specs test what a person at a terminal gets (line editing, Tab, Ctrl-C, Ctrl-D), without
** python or tmux. Waits are for output, never for time: `expect` blocks until the text shows up
** (or a generous timeout fails the run with a message saying what never came).
**
**   ptydrive [-t SECONDS] SCRIPT COMMAND [ARG...]
**
** SCRIPT has one step a line; TEXT takes C escapes (\n \r \t \\ \xHH, so \x03 is Ctrl-C):
**   expect TEXT   wait until TEXT appears in the output after the previous match
**   send TEXT     write TEXT to the terminal
**   raw           wait until the program has put the terminal in raw mode (libedit prints its
**                 prompt before that: what is typed earlier would be echoed twice)
**   cooked        set the terminal back to canonical mode with echo, as a shell does when a
**                 job is stopped (Ctrl-Z)
**   signal NAME   send the command a signal: CONT, INT, TERM
** At the end it waits for the command to exit, writes the transcript (terminal escape sequences
** and carriage returns removed) to stdout, and exits with the command's status (128 + signal if
** killed), or 124 after a timeout.
*/
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static char *out;            /* the transcript, cleaned */
static size_t out_len, out_cap, mark;
static int esc_state;        /* 0 text, 1 after ESC, 2 inside CSI, 3 inside OSC */

static void die(const char *msg) {
  fprintf(stderr, "ptydrive: %s\n", msg);
  exit(125);
}

/* Appends output, dropping escape sequences, carriage returns and bells. */
static void take(const char *buf, size_t n) {
  static int raw = -1;
  if (raw < 0) raw = getenv("PTYDRIVE_RAW") != NULL;   /* for debugging: keep everything */
  if (raw) esc_state = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)buf[i];
    if (esc_state == 1) { esc_state = c == '[' ? 2 : c == ']' ? 3 : 0; continue; }
    if (esc_state == 2) { if (c >= 0x40 && c <= 0x7e) esc_state = 0; continue; }
    if (esc_state == 3) { if (c == 7) esc_state = 0; continue; }
    if (c == 27 && !raw) { esc_state = 1; continue; }
    if ((c == '\r' || c == 7 || c == 0) && !raw) continue;   /* also padding NULs */
    if (out_len + 1 >= out_cap) {
      out_cap = out_cap ? out_cap * 2 : 4096;
      if (!(out = realloc(out, out_cap))) die("out of memory");
    }
    out[out_len++] = (char)c;
    out[out_len] = '\0';
  }
}

/* Reads what the command wrote within ms milliseconds: 1 if something came, 0 on timeout,
** -1 when the terminal closed (the command ended). */
static int pump(int fd, int ms) {
  struct pollfd p = { fd, POLLIN, 0 };
  int r = poll(&p, 1, ms);
  if (r < 0 && errno == EINTR) return 1;
  if (r <= 0) return 0;
  char buf[4096];
  ssize_t n = read(fd, buf, sizeof buf);
  if (n <= 0) return -1;
  take(buf, (size_t)n);
  return 1;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Decodes the C escapes of s in place; returns the length. */
static size_t unescape(char *s) {
  char *w = s;
  for (char *r = s; *r; r++) {
    if (*r != '\\' || !r[1]) { *w++ = *r; continue; }
    r++;
    switch (*r) {
      case 'n': *w++ = '\n'; break;
      case 'r': *w++ = '\r'; break;
      case 't': *w++ = '\t'; break;
      case 'x': {
        char hex[3] = { r[1], r[1] ? r[2] : 0, 0 };
        *w++ = (char)strtol(hex, NULL, 16);
        r += 2;
        break;
      }
      default: *w++ = *r;
    }
  }
  *w = '\0';
  return (size_t)(w - s);
}

static void finish(int code, const char *why, const char *what) {
  fwrite(out ? out : "", 1, out_len, stdout);
  fflush(stdout);
  if (why) fprintf(stderr, "ptydrive: %s%s%s\n", why, what ? ": " : "", what ? what : "");
  exit(code);
}

int main(int argc, char **argv) {
  int timeout = 30, a = 1;
  if (a + 1 < argc && strcmp(argv[a], "-t") == 0) { timeout = atoi(argv[a + 1]); a += 2; }
  if (argc - a < 2) die("usage: ptydrive [-t SECONDS] SCRIPT COMMAND [ARG...]");
  FILE *script = fopen(argv[a], "r");
  if (!script) die("cannot open the script");
  struct winsize ws = { 24, 80, 0, 0 };
  int fd;
  pid_t pid = forkpty(&fd, NULL, NULL, &ws);
  if (pid < 0) die("forkpty failed");
  if (pid == 0) {
    execvp(argv[a + 1], argv + a + 1);
    perror("ptydrive: exec");
    _exit(127);
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, script)) > 0) {
    if (line[n - 1] == '\n') line[--n] = '\0';
    if (strncmp(line, "send ", 5) == 0) {
      size_t len = unescape(line + 5);
      if (write(fd, line + 5, len) != (ssize_t)len) finish(125, "cannot write to the terminal", NULL);
    } else if (strncmp(line, "expect ", 7) == 0) {
      unescape(line + 7);
      double end = now() + timeout;
      for (;;) {
        char *at = out ? strstr(out + mark, line + 7) : NULL;
        if (at) { mark = (size_t)(at - out) + strlen(line + 7); break; }
        int left = (int)((end - now()) * 1000);
        if (left <= 0) { kill(pid, SIGKILL); finish(124, "timed out waiting for", line + 7); }
        if (pump(fd, left) < 0) finish(124, "the command ended before printing", line + 7);
      }
    } else if (strcmp(line, "raw") == 0) {
      double end = now() + timeout;
      struct termios t;
      while (tcgetattr(fd, &t) == 0 && (t.c_lflag & ICANON)) {   /* the slave's modes */
        if (now() > end) { kill(pid, SIGKILL); finish(124, "timed out waiting for raw mode", NULL); }
        if (pump(fd, 5) < 0) finish(124, "the command ended before raw mode", NULL);
      }
    } else if (strcmp(line, "cooked") == 0) {
      struct termios t;
      if (tcgetattr(fd, &t) == 0) {
        t.c_lflag |= ICANON | ECHO;
        tcsetattr(fd, TCSANOW, &t);
      }
    } else if (strncmp(line, "signal ", 7) == 0) {
      const char *name = line + 7;
      int sig = strcmp(name, "CONT") == 0 ? SIGCONT : strcmp(name, "INT") == 0 ? SIGINT
              : strcmp(name, "TERM") == 0 ? SIGTERM : 0;
      if (!sig) finish(125, "unknown signal", name);
      kill(pid, sig);
    } else if (n > 0 && line[0] != '#') {
      finish(125, "unknown step", line);
    }
  }
  free(line);
  fclose(script);
  double end = now() + timeout;
  while (pump(fd, 100) >= 0) {
    if (now() > end) { kill(pid, SIGKILL); finish(124, "timed out waiting for the command to exit", NULL); }
  }
  int status;
  if (waitpid(pid, &status, 0) < 0) finish(125, "waitpid failed", NULL);
  finish(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), NULL, NULL);
  return 0;
}
