/* Test-only shim (.ci/bpftrace-versions) for bpftrace in a chroot on a kernel built without module support (no /proc/modules,
 * e.g. a Firecracker microVM): bpftrace 0.25 refuses to start without that file; this shows it as
 * empty, which is what a kernel with modules but none loaded gives. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *swap(const char *path) { return path && strcmp(path, "/proc/modules") == 0 ? "/dev/null" : path; }

/* open-like functions take a mode only with O_CREAT or O_TMPFILE. */
#define MODE_ARG(flags) \
  va_list ap; va_start(ap, flags); int mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0; va_end(ap)
#define OPEN_LIKE(name)                                                      \
  int name(const char *path, int flags, ...) {                               \
    static int (*real)(const char *, int, ...);                              \
    if (!real) real = dlsym(RTLD_NEXT, #name);                               \
    MODE_ARG(flags);                                                         \
    return real(swap(path), flags, mode);                                    \
  }
#define OPENAT_LIKE(name)                                                    \
  int name(int dirfd, const char *path, int flags, ...) {                    \
    static int (*real)(int, const char *, int, ...);                         \
    if (!real) real = dlsym(RTLD_NEXT, #name);                               \
    MODE_ARG(flags);                                                         \
    return real(dirfd, swap(path), flags, mode);                             \
  }
#define FOPEN_LIKE(name)                                                     \
  FILE *name(const char *path, const char *m) {                              \
    static FILE *(*real)(const char *, const char *);                        \
    if (!real) real = dlsym(RTLD_NEXT, #name);                               \
    return real(swap(path), m);                                              \
  }
OPEN_LIKE(open)
OPEN_LIKE(open64)
OPENAT_LIKE(openat)
OPENAT_LIKE(openat64)
FOPEN_LIKE(fopen)
FOPEN_LIKE(fopen64)
