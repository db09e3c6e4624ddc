#ifndef LSTMLAB_PACKED_SGEMM_H
#define LSTMLAB_PACKED_SGEMM_H
// A matrix product against weights packed once, for the recurrent product of
// an LSTM step (h·W_hhᵀ, B rows against a [4H, H] weight reused T times).
//
// OpenBLAS repacks the weight on every call; at B = 32, H = 256 that copy
// is about a third of the product's time. Here the weight is packed once per
// run into panels of 32 columns:
//
//   panel p, row k  =  W[32p + 0 … 32p + 31, k]    (zeros past N)
//
// and an 8×32 AVX-512 register tile walks each panel. Compiled for AVX-512
// through a target attribute, so the rest of the program stays portable;
// lstmlab_packed_available() says whether this CPU and OS can run it.
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <stddef.h>
#include <string.h>
#if defined(__x86_64__)
#include <cpuid.h>
#endif

#define LSTMLAB_PANEL 32

/// 1 when the CPU has AVX-512 F and the OS saves the ZMM registers.
static inline int lstmlab_packed_available(void) {
#if defined(__x86_64__)
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!((c >> 27) & 1)) return 0; // OSXSAVE
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 0xE6) != 0xE6) return 0;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 16) & 1;
#else
    return 0;
#endif
}

/// Floats the packed form of an [n, k] weight takes.
static inline long lstmlab_packed_size(long n, long k) {
    return ((n + LSTMLAB_PANEL - 1) / LSTMLAB_PANEL) * LSTMLAB_PANEL * k;
}

/// Packs W [n, k] (row-major, leading dimension ldw) into `packed`.
static inline void lstmlab_pack(const float *w, long n, long k, long ldw, float *packed) {
    long panels = (n + LSTMLAB_PANEL - 1) / LSTMLAB_PANEL;
    for (long p = 0; p < panels; p++) {
        float *dst = packed + p * LSTMLAB_PANEL * k;
        long j0 = p * LSTMLAB_PANEL;
        long width = n - j0 < LSTMLAB_PANEL ? n - j0 : LSTMLAB_PANEL;
        for (long kk = 0; kk < k; kk++) {
            float *row = dst + kk * LSTMLAB_PANEL;
            for (long j = 0; j < width; j++) row[j] = w[(j0 + j) * ldw + kk];
            for (long j = width; j < LSTMLAB_PANEL; j++) row[j] = 0;
        }
    }
}

#if defined(__x86_64__)
// The register tile, written out row by row: Swift compiles this header's
// inline functions without unrolling loops, and an array of accumulators
// indexed in a loop would live on the stack (measured: 3x slower).
#define LSTMLAB_REP1(M) M(0)
#define LSTMLAB_REP2(M) LSTMLAB_REP1(M) M(1)
#define LSTMLAB_REP3(M) LSTMLAB_REP2(M) M(2)
#define LSTMLAB_REP4(M) LSTMLAB_REP3(M) M(3)
#define LSTMLAB_REP5(M) LSTMLAB_REP4(M) M(4)
#define LSTMLAB_REP6(M) LSTMLAB_REP5(M) M(5)
#define LSTMLAB_REP7(M) LSTMLAB_REP6(M) M(6)
#define LSTMLAB_REP8(M) LSTMLAB_REP7(M) M(7)
#define LSTMLAB_DECL(r) __m512 acc##r##0, acc##r##1;
#define LSTMLAB_LOAD(r) acc##r##0 = _mm512_maskz_loadu_ps(m0, cin + (r) * ldcin); \
                        acc##r##1 = _mm512_maskz_loadu_ps(m1, cin + (r) * ldcin + 16);
#define LSTMLAB_ZERO(r) acc##r##0 = _mm512_setzero_ps(); acc##r##1 = _mm512_setzero_ps();
#define LSTMLAB_FMA(r) { __m512 av = _mm512_set1_ps(a[(r) * lda + kk]); \
                         acc##r##0 = _mm512_fmadd_ps(av, b0, acc##r##0); \
                         acc##r##1 = _mm512_fmadd_ps(av, b1, acc##r##1); }
#define LSTMLAB_STORE(r) _mm512_mask_storeu_ps(c + (r) * ldc, m0, acc##r##0); \
                         _mm512_mask_storeu_ps(c + (r) * ldc + 16, m1, acc##r##1);
#define LSTMLAB_TILE(R) \
__attribute__((target("avx512f"))) \
static inline void lstmlab_tile##R(long k, const float *a, long lda, const float *panel, const float *cin, long ldcin, \
                                   float *c, long ldc, __mmask16 m0, __mmask16 m1, const float *pf, long pfshift) { \
    LSTMLAB_REP##R(LSTMLAB_DECL) \
    if (cin) { LSTMLAB_REP##R(LSTMLAB_LOAD) } else { LSTMLAB_REP##R(LSTMLAB_ZERO) } \
    long pfmask = pfshift > 0 ? (1L << pfshift) - 1 : 0; \
    for (long kk = 0; kk < k; kk++) { \
        __m512 b0 = _mm512_loadu_ps(panel + kk * LSTMLAB_PANEL); \
        __m512 b1 = _mm512_loadu_ps(panel + kk * LSTMLAB_PANEL + 16); \
        if (pf) { \
            if (pfshift < 0) { \
                _mm_prefetch((const char *)(pf + kk * 32), _MM_HINT_T0); \
                _mm_prefetch((const char *)(pf + kk * 32 + 16), _MM_HINT_T0); \
            } else if ((kk & pfmask) == 0) { \
                _mm_prefetch((const char *)(pf + (kk >> pfshift) * 16), _MM_HINT_T0); \
            } \
        } \
        LSTMLAB_REP##R(LSTMLAB_FMA) \
    } \
    LSTMLAB_REP##R(LSTMLAB_STORE) \
}
LSTMLAB_TILE(1)
LSTMLAB_TILE(2)
LSTMLAB_TILE(3)
LSTMLAB_TILE(4)
LSTMLAB_TILE(5)
LSTMLAB_TILE(6)
LSTMLAB_TILE(7)
LSTMLAB_TILE(8)

// One row (B = 1): a tile of one row has only two accumulators, and each FMA
// waits for the previous one (latency 4 cycles), so this version keeps eight
// chains going (four k at a time) and adds them at the end.
__attribute__((target("avx512f")))
static inline void lstmlab_row(long k, const float *a, const float *panel, const float *cin, float *c,
                               __mmask16 m0, __mmask16 m1) {
    __m512 x0 = _mm512_setzero_ps(), x1 = _mm512_setzero_ps(), y0 = _mm512_setzero_ps(), y1 = _mm512_setzero_ps();
    __m512 z0 = _mm512_setzero_ps(), z1 = _mm512_setzero_ps(), w0 = _mm512_setzero_ps(), w1 = _mm512_setzero_ps();
    long kk = 0;
    for (; kk + 4 <= k; kk += 4) {
        const float *p = panel + kk * LSTMLAB_PANEL;
        __m512 a0 = _mm512_set1_ps(a[kk]), a1 = _mm512_set1_ps(a[kk + 1]);
        __m512 a2 = _mm512_set1_ps(a[kk + 2]), a3 = _mm512_set1_ps(a[kk + 3]);
        x0 = _mm512_fmadd_ps(a0, _mm512_loadu_ps(p), x0);
        x1 = _mm512_fmadd_ps(a0, _mm512_loadu_ps(p + 16), x1);
        y0 = _mm512_fmadd_ps(a1, _mm512_loadu_ps(p + 32), y0);
        y1 = _mm512_fmadd_ps(a1, _mm512_loadu_ps(p + 48), y1);
        z0 = _mm512_fmadd_ps(a2, _mm512_loadu_ps(p + 64), z0);
        z1 = _mm512_fmadd_ps(a2, _mm512_loadu_ps(p + 80), z1);
        w0 = _mm512_fmadd_ps(a3, _mm512_loadu_ps(p + 96), w0);
        w1 = _mm512_fmadd_ps(a3, _mm512_loadu_ps(p + 112), w1);
    }
    for (; kk < k; kk++) {
        const float *p = panel + kk * LSTMLAB_PANEL;
        __m512 a0 = _mm512_set1_ps(a[kk]);
        x0 = _mm512_fmadd_ps(a0, _mm512_loadu_ps(p), x0);
        x1 = _mm512_fmadd_ps(a0, _mm512_loadu_ps(p + 16), x1);
    }
    __m512 s0 = _mm512_add_ps(_mm512_add_ps(x0, y0), _mm512_add_ps(z0, w0));
    __m512 s1 = _mm512_add_ps(_mm512_add_ps(x1, y1), _mm512_add_ps(z1, w1));
    if (cin) {
        s0 = _mm512_add_ps(_mm512_maskz_loadu_ps(m0, cin), s0);
        s1 = _mm512_add_ps(_mm512_maskz_loadu_ps(m1, cin + 16), s1);
    }
    _mm512_mask_storeu_ps(c, m0, s0);
    _mm512_mask_storeu_ps(c + 16, m1, s1);
}

/// C[m, n] = Cin[m, n] + A[m, k] · Wᵀ, with W packed by lstmlab_pack, on
/// the register tiles only (every row the same sum in the same order, so a
/// row's result does not depend on how the rows are split between calls).
/// `cin` may be NULL (zeros) or equal to `c`. Call only when
/// lstmlab_packed_available() is 1.
__attribute__((target("avx512f")))
static inline void lstmlab_packed_gemm_tiles(long m, long n, long k, const float *a, long lda, const float *packed,
                                             const float *cin, long ldcin, float *c, long ldc) {
    long panels = (n + LSTMLAB_PANEL - 1) / LSTMLAB_PANEL;
    // K in blocks of 256 rows: a 32-column panel block is then 32 KB and stays
    // in L1 while every row tile of A passes over it.
    const long kc = 256;
    // While the row tiles pass over one panel block, each prefetches its share
    // of the next block's cache lines (one line every 2^shift k, or two lines
    // a k when a single tile has the whole block). Weights larger than L2
    // (4H·H floats, 4 MiB at H = 512) come from L3 block after block, and
    // the hardware prefetchers stop at every 4 KiB page. Measured with paired
    // forwards (new ÷ old, median): B=64 T=200 D=H=512 one thread 0.90–0.94.
    // Weights of 1 MiB sit in L2, and there it did not pay: B=32 D=H=256 on
    // two threads 1.02–1.03 (200 cycles; the 128-row projections were the
    // cost), one thread 0.99. So only from 2 MiB of weights.
    long tiles = (m + 7) / 8;
    int prefetch = n * k >= (1L << 19);
    for (long k0 = 0; k0 < k; k0 += kc) {
        long kb = k - k0 < kc ? k - k0 : kc;
        for (long p = 0; p < panels; p++) {
            long j0 = p * LSTMLAB_PANEL;
            long width = n - j0 < LSTMLAB_PANEL ? n - j0 : LSTMLAB_PANEL;
            __mmask16 m0 = width >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << width) - 1);
            __mmask16 m1 = width >= 32 ? (__mmask16)0xFFFF : width > 16 ? (__mmask16)((1u << (width - 16)) - 1) : (__mmask16)0;
            const float *panel = packed + p * LSTMLAB_PANEL * k + k0 * LSTMLAB_PANEL;
            for (long i = 0; i < m; i += 8) {
                long rows = m - i < 8 ? m - i : 8;
                const float *ai = a + i * lda + k0;
                // The first K block starts from Cin (or zeros), later ones from C.
                const float *ci = k0 == 0 ? (cin ? cin + i * ldcin + j0 : NULL) : c + i * ldc + j0;
                long ldci = k0 == 0 ? ldcin : ldc;
                float *co = c + i * ldc + j0;
                const float *next = p + 1 < panels ? panel + LSTMLAB_PANEL * k
                                  : k0 + kc < k ? packed + (k0 + kc) * LSTMLAB_PANEL : NULL;
                const float *pf = NULL;
                long pfshift = 0;
                if (next && prefetch) {
                    long kbNext = p + 1 < panels ? kb : (k - k0 - kc < kc ? k - k0 - kc : kc);
                    long lines = 2 * kbNext, share = (lines + tiles - 1) / tiles;
                    pf = next + (i / 8) * share * 16;
                    if (share > kb) {
                        pfshift = -1;
                    } else {
                        while ((kb >> (pfshift + 1)) >= share) pfshift++;
                    }
                }
                switch (rows) {
                case 8: lstmlab_tile8(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                case 7: lstmlab_tile7(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                case 6: lstmlab_tile6(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                case 5: lstmlab_tile5(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                case 4: lstmlab_tile4(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                case 3: lstmlab_tile3(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                case 2: lstmlab_tile2(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                default: lstmlab_tile1(kb, ai, lda, panel, ci, ldci, co, ldc, m0, m1, pf, pfshift); break;
                }
            }
        }
    }
}

/// C[m, n] = Cin[m, n] + A[m, k] · Wᵀ, with W packed by lstmlab_pack: the
/// tiles, or for one row (B = 1) the row kernel with its eight chains.
/// `cin` may be NULL (zeros) or equal to `c`. Call only when
/// lstmlab_packed_available() is 1.
__attribute__((target("avx512f")))
static inline void lstmlab_packed_gemm(long m, long n, long k, const float *a, long lda, const float *packed,
                                       const float *cin, long ldcin, float *c, long ldc) {
    if (m != 1) {
        lstmlab_packed_gemm_tiles(m, n, k, a, lda, packed, cin, ldcin, c, ldc);
        return;
    }
    long panels = (n + LSTMLAB_PANEL - 1) / LSTMLAB_PANEL;
    for (long p = 0; p < panels; p++) {
        long j0 = p * LSTMLAB_PANEL;
        long width = n - j0 < LSTMLAB_PANEL ? n - j0 : LSTMLAB_PANEL;
        __mmask16 m0 = width >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << width) - 1);
        __mmask16 m1 = width >= 32 ? (__mmask16)0xFFFF : width > 16 ? (__mmask16)((1u << (width - 16)) - 1) : (__mmask16)0;
        lstmlab_row(k, a, packed + p * LSTMLAB_PANEL * k, cin ? cin + j0 : NULL, c + j0, m0, m1);
    }
}
#else
static inline void lstmlab_packed_gemm_tiles(long m, long n, long k, const float *a, long lda, const float *packed,
                                             const float *cin, long ldcin, float *c, long ldc) {
    (void)m; (void)n; (void)k; (void)a; (void)lda; (void)packed; (void)cin; (void)ldcin; (void)c; (void)ldc;
}
static inline void lstmlab_packed_gemm(long m, long n, long k, const float *a, long lda, const float *packed,
                                       const float *cin, long ldcin, float *c, long ldc) {
    (void)m; (void)n; (void)k; (void)a; (void)lda; (void)packed; (void)cin; (void)ldcin; (void)c; (void)ldc;
}
#endif
#endif
