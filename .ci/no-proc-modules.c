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

#define OPEN_LIKE(name, ...)                                                                   \
  int name(const char *path, int flags, ...) {                                                \
    static int (*real)(const char *, int, ...);                                                \
    if (!real) real = dlsym(RTLD_NEXT, #name);                                                 \
    va_list ap; va_start(ap, flags); int mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0; va_end(ap); \
    return real(swap(path), flags, mode);                                                      \
  }
OPEN_LIKE(open)
OPEN_LIKE(open64)

int openat(int dirfd, const char *path, int flags, ...) {
  static int (*real)(int, const char *, int, ...);
  if (!real) real = dlsym(RTLD_NEXT, "openat");
  va_list ap; va_start(ap, flags); int mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0; va_end(ap);
  return real(dirfd, swap(path), flags, mode);
}
int openat64(int dirfd, const char *path, int flags, ...) {
  static int (*real)(int, const char *, int, ...);
  if (!real) real = dlsym(RTLD_NEXT, "openat64");
  va_list ap; va_start(ap, flags); int mode = (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0; va_end(ap);
  return real(dirfd, swap(path), flags, mode);
}
FILE *fopen(const char *path, const char *m) { static FILE *(*real)(const char *, const char *); if (!real) real = dlsym(RTLD_NEXT, "fopen"); return real(swap(path), m); }
FILE *fopen64(const char *path, const char *m) { static FILE *(*real)(const char *, const char *); if (!real) real = dlsym(RTLD_NEXT, "fopen64"); return real(swap(path), m); }
