#ifndef LSTMLAB_COPENBLAS_SHIM_H
#define LSTMLAB_COPENBLAS_SHIM_H
// Debian's libopenblas-dev puts cblas.h under /usr/include/<multiarch>/,
// which the compiler searches by default; it also declares
// openblas_set_num_threads and openblas_get_corename.
#include <cblas.h>
#include "packed_sgemm.h"
#include "lstm_elementwise.h"
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

// Exported by OpenBLAS builds with DYNAMIC_ARCH (Debian's): drop and redo the
// choice of kernels. Weak, so a build without them still links.
void gotoblas_dynamic_init(void) __attribute__((weak));
void gotoblas_dynamic_quit(void) __attribute__((weak));

// OpenBLAS 0.3.21 (Debian 12) does not know CPUs newer than it (for example
// Xeon Sapphire/Emerald Rapids) and falls back to its generic "Prescott"
// kernels, 3-4 times slower. When the user has not chosen a core type
// (OPENBLAS_CORETYPE unset) and OpenBLAS chose such a generic core on a CPU
// with AVX-512 (F, DQ, BW, VL) or AVX2+FMA that the OS has enabled, choose
// SkylakeX or Haswell kernels instead. Returns 1 when it switched.
// Call once, before any other OpenBLAS call, from one thread.
static inline int lstmlab_openblas_fix_coretype(void) {
#if defined(__x86_64__)
    if (!gotoblas_dynamic_init || !gotoblas_dynamic_quit) return 0;
    if (getenv("OPENBLAS_CORETYPE") != NULL) return 0;
    const char *name = openblas_get_corename();
    if (name == NULL) return 0;
    static const char *const generic[] = {"Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Katmai",
                                          "Coppermine", "Northwood", "Banias", "Atom", "Nano", "Unknown"};
    int isGeneric = 0;
    for (unsigned i = 0; i < sizeof generic / sizeof generic[0]; i++) {
        if (strcasecmp(name, generic[i]) == 0) isGeneric = 1;
    }
    if (!isGeneric) return 0;
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int osxsave = (c >> 27) & 1, avx = (c >> 28) & 1, fma = (c >> 12) & 1;
    if (!osxsave || !avx) return 0;
    unsigned xcr0lo, xcr0hi;
    __asm__ volatile("xgetbv" : "=a"(xcr0lo), "=d"(xcr0hi) : "c"(0));
    int ymmState = (xcr0lo & 0x6) == 0x6, zmmState = (xcr0lo & 0xE6) == 0xE6;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int avx2 = (b >> 5) & 1;
    int avx512 = ((b >> 16) & 1) && ((b >> 17) & 1) && ((b >> 30) & 1) && ((b >> 31) & 1); // F, DQ, BW, VL
    const char *choice = NULL;
    if (avx512 && zmmState && fma && avx2) choice = "SkylakeX";
    else if (avx2 && fma && ymmState) choice = "Haswell";
    if (choice == NULL) return 0;
    setenv("OPENBLAS_CORETYPE", choice, 1);
    gotoblas_dynamic_quit();
    gotoblas_dynamic_init();
    unsetenv("OPENBLAS_CORETYPE");
    return 1;
#else
    return 0;
#endif
}

// LAPACK's Householder QR in Double (Fortran calling convention, 32-bit
// integers: Debian's libopenblas is LP64 and exports them). Weak, so a BLAS
// built without LAPACK still links; the wrappers then answer
// LSTMLAB_NO_LAPACK and the caller falls back to its own code.
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau,
             double *work, const int *lwork, int *info) __attribute__((weak));
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau,
             double *work, const int *lwork, int *info) __attribute__((weak));

#define LSTMLAB_NO_LAPACK (-1000)

// A = QR of the column-major [m, n] matrix a (m >= n): R in the upper
// triangle, the reflectors below it and in tau[n]. Returns LAPACK's info
// (0: done), or LSTMLAB_NO_LAPACK.
static inline int lstmlab_dgeqrf(int m, int n, double *a, int lda, double *tau) {
    if (!dgeqrf_) return LSTMLAB_NO_LAPACK;
    int info = 0, query = -1;
    double size = 0;
    dgeqrf_(&m, &n, a, &lda, tau, &size, &query, &info);
    if (info != 0) return info;
    int lwork = size >= 1 && size < 2147483647.0 ? (int)size : n;
    double *work = (double *)malloc(sizeof(double) * (size_t)(lwork > 0 ? lwork : 1));
    if (work == NULL) return LSTMLAB_NO_LAPACK;
    dgeqrf_(&m, &n, a, &lda, tau, work, &lwork, &info);
    free(work);
    return info;
}

// Overwrites a (as left by lstmlab_dgeqrf) with the m×n Q of orthonormal columns.
static inline int lstmlab_dorgqr(int m, int n, double *a, int lda, const double *tau) {
    if (!dorgqr_) return LSTMLAB_NO_LAPACK;
    int info = 0, query = -1;
    double size = 0;
    dorgqr_(&m, &n, &n, a, &lda, tau, &size, &query, &info);
    if (info != 0) return info;
    int lwork = size >= 1 && size < 2147483647.0 ? (int)size : n;
    double *work = (double *)malloc(sizeof(double) * (size_t)(lwork > 0 ? lwork : 1));
    if (work == NULL) return LSTMLAB_NO_LAPACK;
    dorgqr_(&m, &n, &n, a, &lda, tau, work, &lwork, &info);
    free(work);
    return info;
}
#endif
