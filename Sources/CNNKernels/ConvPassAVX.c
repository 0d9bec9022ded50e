#include "CNNKernels.h"

#include <immintrin.h>

// Never contract a*b + c into a fused multiply-add: each product is rounded, then added,
// exactly as the traces sum them.
#pragma clang fp contract(off)

int cnn_kernels_have_avx(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx") ? 1 : 0;
}

/// Eight cells starting at `ow` of four channels. `masked` blocks touch the padding or the row's
/// end: their loads, products and stores are limited to the lanes that are real. Callers pass
/// constants for `masked` and (for the common 3-wide kernel) `kernel_columns`, so that the
/// compiler specializes and unrolls each case.
__attribute__((target("avx"))) static inline void block8(
    const cnn_conv_row *g, double *out, ptrdiff_t ow, const double *row, const double *const w[4], int first,
    const double *bias, int masked, ptrdiff_t kernel_columns) {
    const ptrdiff_t plane = g->out_plane;
    double *o = out + ow;
    __m256d a0, a1, b0, b1, c0, c1, d0, d1;
    __m256d lanes0 = _mm256_set_pd(3, 2, 1, 0);
    __m256d lanes1 = _mm256_set_pd(7, 6, 5, 4);
    __m256d cell0 = _mm256_add_pd(_mm256_set1_pd((double)ow), lanes0);
    __m256d cell1 = _mm256_add_pd(_mm256_set1_pd((double)ow), lanes1);
    __m256d width = _mm256_set1_pd((double)g->output_width);
    __m256i store0 = _mm256_castpd_si256(_mm256_cmp_pd(cell0, width, _CMP_LT_OQ));
    __m256i store1 = _mm256_castpd_si256(_mm256_cmp_pd(cell1, width, _CMP_LT_OQ));
    if (first) {
        a0 = a1 = b0 = b1 = c0 = c1 = d0 = d1 = _mm256_setzero_pd();
    } else if (masked) {
        a0 = _mm256_maskload_pd(o, store0);
        a1 = _mm256_maskload_pd(o + 4, store1);
        b0 = _mm256_maskload_pd(o + plane, store0);
        b1 = _mm256_maskload_pd(o + plane + 4, store1);
        c0 = _mm256_maskload_pd(o + 2 * plane, store0);
        c1 = _mm256_maskload_pd(o + 2 * plane + 4, store1);
        d0 = _mm256_maskload_pd(o + 3 * plane, store0);
        d1 = _mm256_maskload_pd(o + 3 * plane + 4, store1);
    } else {
        a0 = _mm256_loadu_pd(o);
        a1 = _mm256_loadu_pd(o + 4);
        b0 = _mm256_loadu_pd(o + plane);
        b1 = _mm256_loadu_pd(o + plane + 4);
        c0 = _mm256_loadu_pd(o + 2 * plane);
        c1 = _mm256_loadu_pd(o + 2 * plane + 4);
        d0 = _mm256_loadu_pd(o + 3 * plane);
        d1 = _mm256_loadu_pd(o + 3 * plane + 4);
    }
    const __m256d zero = _mm256_setzero_pd();
    const __m256d inputWidth = _mm256_set1_pd((double)g->input_width);
    for (ptrdiff_t kr = 0; kr < g->kernel_rows; kr++) {
        const double *r = row + kr * g->row_step;
        const ptrdiff_t base = kr * kernel_columns;
        for (ptrdiff_t kc = 0; kc < kernel_columns; kc++) {
            const ptrdiff_t shift = kc * g->dilation - g->padding_before;
            __m256d x0, x1;
            __m256d m0 = zero, m1 = zero;
            if (masked) {
                // A lane is real when its cell exists and its input column is inside the input.
                __m256d column0 = _mm256_add_pd(cell0, _mm256_set1_pd((double)shift));
                __m256d column1 = _mm256_add_pd(cell1, _mm256_set1_pd((double)shift));
                m0 = _mm256_and_pd(
                    _mm256_and_pd(_mm256_cmp_pd(column0, zero, _CMP_GE_OQ),
                                  _mm256_cmp_pd(column0, inputWidth, _CMP_LT_OQ)),
                    _mm256_castsi256_pd(store0));
                m1 = _mm256_and_pd(
                    _mm256_and_pd(_mm256_cmp_pd(column1, zero, _CMP_GE_OQ),
                                  _mm256_cmp_pd(column1, inputWidth, _CMP_LT_OQ)),
                    _mm256_castsi256_pd(store1));
                x0 = _mm256_maskload_pd(r + ow + shift, _mm256_castpd_si256(m0));
                x1 = _mm256_maskload_pd(r + ow + shift + 4, _mm256_castpd_si256(m1));
            } else {
                x0 = _mm256_loadu_pd(r + ow + shift);
                x1 = _mm256_loadu_pd(r + ow + shift + 4);
            }
#define TERM(acc0, acc1, weights)                                                  \
    do {                                                                           \
        __m256d wv = _mm256_broadcast_sd((weights) + base + kc);                   \
        __m256d p0 = _mm256_mul_pd(wv, x0);                                        \
        __m256d p1 = _mm256_mul_pd(wv, x1);                                        \
        if (masked) {                                                              \
            /* a skipped tap adds +0, which leaves every sum (never -0) as it is */ \
            p0 = _mm256_and_pd(p0, m0);                                            \
            p1 = _mm256_and_pd(p1, m1);                                            \
        }                                                                          \
        acc0 = _mm256_add_pd(acc0, p0);                                            \
        acc1 = _mm256_add_pd(acc1, p1);                                            \
    } while (0)
            TERM(a0, a1, w[0]);
            TERM(b0, b1, w[1]);
            TERM(c0, c1, w[2]);
            TERM(d0, d1, w[3]);
#undef TERM
        }
    }
    if (bias) {
        __m256d v = _mm256_broadcast_sd(bias);
        a0 = _mm256_add_pd(a0, v);
        a1 = _mm256_add_pd(a1, v);
        v = _mm256_broadcast_sd(bias + 1);
        b0 = _mm256_add_pd(b0, v);
        b1 = _mm256_add_pd(b1, v);
        v = _mm256_broadcast_sd(bias + 2);
        c0 = _mm256_add_pd(c0, v);
        c1 = _mm256_add_pd(c1, v);
        v = _mm256_broadcast_sd(bias + 3);
        d0 = _mm256_add_pd(d0, v);
        d1 = _mm256_add_pd(d1, v);
    }
    if (masked) {
        _mm256_maskstore_pd(o, store0, a0);
        _mm256_maskstore_pd(o + 4, store1, a1);
        _mm256_maskstore_pd(o + plane, store0, b0);
        _mm256_maskstore_pd(o + plane + 4, store1, b1);
        _mm256_maskstore_pd(o + 2 * plane, store0, c0);
        _mm256_maskstore_pd(o + 2 * plane + 4, store1, c1);
        _mm256_maskstore_pd(o + 3 * plane, store0, d0);
        _mm256_maskstore_pd(o + 3 * plane + 4, store1, d1);
    } else {
        _mm256_storeu_pd(o, a0);
        _mm256_storeu_pd(o + 4, a1);
        _mm256_storeu_pd(o + plane, b0);
        _mm256_storeu_pd(o + plane + 4, b1);
        _mm256_storeu_pd(o + 2 * plane, c0);
        _mm256_storeu_pd(o + 2 * plane + 4, c1);
        _mm256_storeu_pd(o + 3 * plane, d0);
        _mm256_storeu_pd(o + 3 * plane + 4, d1);
    }
}

__attribute__((target("avx"))) void cnn_conv_row_pass4_avx(
    const cnn_conv_row *geometry, double *out, const double *row, const double *w0, const double *w1,
    const double *w2, const double *w3, int first, const double *bias) {
    const ptrdiff_t columns = geometry->kernel_columns;
    for (ptrdiff_t slice = 0; slice < geometry->slices; slice++) {
        const ptrdiff_t shift = slice * geometry->weight_slice;
        const double *const w[4] = {w0 + shift, w1 + shift, w2 + shift, w3 + shift};
        const double *input = row + slice * geometry->input_plane;
        const int start = first && slice == 0;
        const double *last = slice == geometry->slices - 1 ? bias : NULL;
        for (ptrdiff_t ow = 0; ow < geometry->output_width; ow += 8) {
            int inside = ow >= geometry->interior_low && ow + 8 <= geometry->interior_high;
            if (inside && columns == 3) {
                block8(geometry, out, ow, input, w, start, last, 0, 3);
            } else if (inside) {
                block8(geometry, out, ow, input, w, start, last, 0, columns);
            } else {
                block8(geometry, out, ow, input, w, start, last, 1, columns);
            }
        }
    }
}

/// Sixteen cells starting at `ow` of one channel; as `block8`, `masked` limits loads, products and
/// stores to the real lanes.
__attribute__((target("avx"))) static inline void block16(
    const cnn_conv_row *g, double *out, ptrdiff_t ow, const double *row, const double *w, int first,
    const double *bias, int masked, ptrdiff_t kernel_columns) {
    double *o = out + ow;
    __m256d acc[4];
    __m256d cell[4];
    __m256i store[4];
    const __m256d width = _mm256_set1_pd((double)g->output_width);
    for (int q = 0; q < 4; q++) {
        cell[q] = _mm256_add_pd(_mm256_set1_pd((double)(ow + 4 * q)), _mm256_set_pd(3, 2, 1, 0));
        store[q] = _mm256_castpd_si256(_mm256_cmp_pd(cell[q], width, _CMP_LT_OQ));
        if (first) {
            acc[q] = _mm256_setzero_pd();
        } else if (masked) {
            acc[q] = _mm256_maskload_pd(o + 4 * q, store[q]);
        } else {
            acc[q] = _mm256_loadu_pd(o + 4 * q);
        }
    }
    const __m256d zero = _mm256_setzero_pd();
    const __m256d inputWidth = _mm256_set1_pd((double)g->input_width);
    for (ptrdiff_t kr = 0; kr < g->kernel_rows; kr++) {
        const double *r = row + kr * g->row_step;
        const ptrdiff_t base = kr * kernel_columns;
        for (ptrdiff_t kc = 0; kc < kernel_columns; kc++) {
            const ptrdiff_t shift = kc * g->dilation - g->padding_before;
            const __m256d wv = _mm256_broadcast_sd(w + base + kc);
            for (int q = 0; q < 4; q++) {
                const double *x = r + ow + shift + 4 * q;
                if (masked) {
                    __m256d column = _mm256_add_pd(cell[q], _mm256_set1_pd((double)shift));
                    __m256d m = _mm256_and_pd(
                        _mm256_and_pd(_mm256_cmp_pd(column, zero, _CMP_GE_OQ),
                                      _mm256_cmp_pd(column, inputWidth, _CMP_LT_OQ)),
                        _mm256_castsi256_pd(store[q]));
                    __m256d v = _mm256_maskload_pd(x, _mm256_castpd_si256(m));
                    /* a skipped tap adds +0, which leaves every sum (never -0) as it is */
                    acc[q] = _mm256_add_pd(acc[q], _mm256_and_pd(_mm256_mul_pd(wv, v), m));
                } else {
                    acc[q] = _mm256_add_pd(acc[q], _mm256_mul_pd(wv, _mm256_loadu_pd(x)));
                }
            }
        }
    }
    for (int q = 0; q < 4; q++) {
        if (bias) acc[q] = _mm256_add_pd(acc[q], _mm256_broadcast_sd(bias));
        if (masked) {
            _mm256_maskstore_pd(o + 4 * q, store[q], acc[q]);
        } else {
            _mm256_storeu_pd(o + 4 * q, acc[q]);
        }
    }
}

__attribute__((target("avx"))) void cnn_conv_row_pass1_avx(
    const cnn_conv_row *geometry, double *out, const double *row, const double *w, int first, const double *bias) {
    const ptrdiff_t columns = geometry->kernel_columns;
    for (ptrdiff_t slice = 0; slice < geometry->slices; slice++) {
        const double *weights = w + slice * geometry->weight_slice;
        const double *input = row + slice * geometry->input_plane;
        const int start = first && slice == 0;
        const double *last = slice == geometry->slices - 1 ? bias : NULL;
        for (ptrdiff_t ow = 0; ow < geometry->output_width; ow += 16) {
            int inside = ow >= geometry->interior_low && ow + 16 <= geometry->interior_high;
            if (inside && columns == 3) {
                block16(geometry, out, ow, input, weights, start, last, 0, 3);
            } else if (inside) {
                block16(geometry, out, ow, input, weights, start, last, 0, columns);
            } else {
                block16(geometry, out, ow, input, weights, start, last, 1, columns);
            }
        }
    }
}
