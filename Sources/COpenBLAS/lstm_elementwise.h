#ifndef LSTMLAB_LSTM_ELEMENTWISE_H
#define LSTMLAB_LSTM_ELEMENTWISE_H
// The LSTM step's elementwise part on sixteen lanes (AVX-512 with FMA), for
// every step the lab takes (step, run, the benchmark): the Cephes polynomials of LSTMCore's
// VectorActivation (which runs on eight SSE lanes in a portable build).
//
//   exp(x)  = 2^n · e^r, n = round(x / ln 2), r = x − n·ln 2, e^r = 1 + r + r²·P(r)
//   σ(z)    = 1 / (1 + e^(−z))
//   tanh(z) = z + z³·Q(z²) for |z| < 0.625, else sign(z)·(1 − e^(−2|z|)) / (1 + e^(−2|z|))
//   c' = f⊙c + i⊙g,  h' = o⊙tanh(c')
//
// Call only when lstmlab_packed_available() is 1.
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#if defined(__x86_64__)
// e^x for x clamped to [lo, hi]: the Cephes polynomial for e^r, and 2^n
// applied by vscalefps (one instruction instead of building 2^n's bits and
// multiplying; it also gives 0 or a subnormal for n below −126, and ∞ above
// 127, without a mask).
__attribute__((target("avx512f"), always_inline))
static inline __m512 lstmlab_exp_clamped(__m512 x, float lo, float hi) {
    x = _mm512_max_ps(_mm512_min_ps(x, _mm512_set1_ps(hi)), _mm512_set1_ps(lo));
    const __m512 magic = _mm512_set1_ps(12582912.0f);
    __m512 shifted = _mm512_fmadd_ps(x, _mm512_set1_ps(1.44269504088896341f), magic);
    __m512 n = _mm512_sub_ps(shifted, magic);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 r2 = _mm512_mul_ps(r, r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    __m512 er = _mm512_add_ps(_mm512_fmadd_ps(p, r2, r), _mm512_set1_ps(1.0f));
    return _mm512_scalef_ps(er, n);
}

__attribute__((target("avx512f"), always_inline))
static inline __m512 lstmlab_sigmoid(__m512 z) {
    // e^(−z) up to e^104 = ∞ (σ = 0) and down to e^(−104) = 0 (σ = 1).
    __m512 e = lstmlab_exp_clamped(_mm512_sub_ps(_mm512_setzero_ps(), z), -104.0f, 104.0f);
    __m512 one = _mm512_set1_ps(1.0f);
    return _mm512_div_ps(one, _mm512_add_ps(one, e));
}

__attribute__((target("avx512f"), always_inline))
static inline __m512 lstmlab_tanh(__m512 z) {
    const __m512i signBit = _mm512_set1_epi32((int)0x80000000u);
    __m512 a = _mm512_castsi512_ps(_mm512_andnot_si512(signBit, _mm512_castps_si512(z)));
    __m512 s = _mm512_mul_ps(a, a);
    __m512 q = _mm512_set1_ps(-5.70498872745e-3f);
    q = _mm512_fmadd_ps(q, s, _mm512_set1_ps(2.06390887954e-2f));
    q = _mm512_fmsub_ps(q, s, _mm512_set1_ps(5.37397155531e-2f));
    q = _mm512_fmadd_ps(q, s, _mm512_set1_ps(1.33314422036e-1f));
    q = _mm512_fmsub_ps(q, s, _mm512_set1_ps(3.33332819422e-1f));
    __m512 small = _mm512_fmadd_ps(_mm512_mul_ps(q, s), a, a);
    __m512 e = lstmlab_exp_clamped(_mm512_mul_ps(_mm512_set1_ps(-2.0f), a), -104.0f, 0.0f);
    __m512 one = _mm512_set1_ps(1.0f);
    __m512 large = _mm512_div_ps(_mm512_sub_ps(one, e), _mm512_add_ps(one, e));
    __mmask16 isSmall = _mm512_cmp_ps_mask(a, _mm512_set1_ps(0.625f), _CMP_LT_OQ);
    __m512 t = _mm512_mask_mov_ps(large, isSmall, small);
    // z's sign onto t (t ≥ 0): t | (z & sign), one ternary-logic instruction.
    return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(_mm512_castps_si512(t), _mm512_castps_si512(z), signBit, 0xF8));
}

/// From z [b, 4h] (gate order i, f, g, o) and cPrev [b, h] to gates [b, 4h],
/// c [b, h] and h [b, h], with nn.LSTM's equations.
__attribute__((target("avx512f")))
static inline void lstmlab_lstm_finish(long b, long hs, const float *z, const float *cPrev,
                                       float *gates, float *c, float *h) {
    long n = 4 * hs;
    for (long r = 0; r < b; r++) {
        const float *zr = z + r * n;
        const float *cpr = cPrev + r * hs;
        float *gr = gates + r * n, *cr = c + r * hs, *hr = h + r * hs;
        for (long u = 0; u < hs; u += 16) {
            long left = hs - u;
            __mmask16 m = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
            __m512 zi = _mm512_maskz_loadu_ps(m, zr + u), zf = _mm512_maskz_loadu_ps(m, zr + hs + u);
            __m512 zg = _mm512_maskz_loadu_ps(m, zr + 2 * hs + u), zo = _mm512_maskz_loadu_ps(m, zr + 3 * hs + u);
            __m512 cp = _mm512_maskz_loadu_ps(m, cpr + u);
            __m512 i = lstmlab_sigmoid(zi), f = lstmlab_sigmoid(zf);
            __m512 g = lstmlab_tanh(zg), o = lstmlab_sigmoid(zo);
            __m512 cn = _mm512_fmadd_ps(f, cp, _mm512_mul_ps(i, g));
            __m512 hn = _mm512_mul_ps(o, lstmlab_tanh(cn));
            _mm512_mask_storeu_ps(gr + u, m, i);
            _mm512_mask_storeu_ps(gr + hs + u, m, f);
            _mm512_mask_storeu_ps(gr + 2 * hs + u, m, g);
            _mm512_mask_storeu_ps(gr + 3 * hs + u, m, o);
            _mm512_mask_storeu_ps(cr + u, m, cn);
            _mm512_mask_storeu_ps(hr + u, m, hn);
        }
    }
}

/// `lstmlab_lstm_finish` for another wiring of the gates (the tutorial's
/// draft, as LSTMCore's `Variant` states it): slot k of the gates (i, f, g, o)
/// is tanh (tanhOf[k] = 1) or σ (0) of z's row block block[k].
__attribute__((target("avx512f")))
static inline void lstmlab_lstm_finish_wired(long b, long hs, const float *z, const float *cPrev,
                                             const int *block, const int *tanhOf,
                                             float *gates, float *c, float *h) {
    long n = 4 * hs;
    for (long r = 0; r < b; r++) {
        const float *zr = z + r * n;
        const float *cpr = cPrev + r * hs;
        float *gr = gates + r * n, *cr = c + r * hs, *hr = h + r * hs;
        for (long u = 0; u < hs; u += 16) {
            long left = hs - u;
            __mmask16 m = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
            __m512 v[4];
            for (int k = 0; k < 4; k++) {
                __m512 pre = _mm512_maskz_loadu_ps(m, zr + block[k] * hs + u);
                v[k] = tanhOf[k] ? lstmlab_tanh(pre) : lstmlab_sigmoid(pre);
                _mm512_mask_storeu_ps(gr + k * hs + u, m, v[k]);
            }
            __m512 cp = _mm512_maskz_loadu_ps(m, cpr + u);
            __m512 cn = _mm512_fmadd_ps(v[1], cp, _mm512_mul_ps(v[0], v[2]));
            __m512 hn = _mm512_mul_ps(v[3], lstmlab_tanh(cn));
            _mm512_mask_storeu_ps(cr + u, m, cn);
            _mm512_mask_storeu_ps(hr + u, m, hn);
        }
    }
}

/// Copies `count` floats to `dst` with non-temporal stores (no read of the
/// destination's cache lines first, and no eviction of the working set): for
/// a run's traces, written once and not read again during the run. `dst`
/// should be 64-byte aligned (else this is a plain copy); ends with a store fence.
__attribute__((target("avx512f")))
static inline void lstmlab_stream_copy(float *dst, const float *src, long count) {
    long i = 0;
    if (((unsigned long)dst & 63) != 0) {
        for (; i < count; i++) dst[i] = src[i];
        return;
    }
    for (; i + 16 <= count; i += 16) _mm512_stream_ps(dst + i, _mm512_loadu_ps(src + i));
    for (; i < count; i++) dst[i] = src[i];
    _mm_sfence();
}
#else
static inline void lstmlab_stream_copy(float *dst, const float *src, long count) {
    for (long i = 0; i < count; i++) dst[i] = src[i];
}
static inline void lstmlab_lstm_finish(long b, long hs, const float *z, const float *cPrev,
                                       float *gates, float *c, float *h) {
    (void)b; (void)hs; (void)z; (void)cPrev; (void)gates; (void)c; (void)h;
}
static inline void lstmlab_lstm_finish_wired(long b, long hs, const float *z, const float *cPrev,
                                             const int *block, const int *tanhOf,
                                             float *gates, float *c, float *h) {
    (void)b; (void)hs; (void)z; (void)cPrev; (void)block; (void)tanhOf; (void)gates; (void)c; (void)h;
}
#endif
#endif
