#ifndef CNN_KERNELS_H
#define CNN_KERNELS_H

#include <stddef.h>

/// 1 when the CPU running this process has AVX (checked at run time), otherwise 0.
int cnn_kernels_have_avx(void);

/// The geometry of one output row of a convolution with column stride 1.
typedef struct {
    /// Input cells per row, and how many output cells the row has.
    ptrdiff_t input_width, output_width;
    /// Zero columns before the input; the column gap between kernel taps.
    ptrdiff_t padding_before, dilation;
    /// Kernel rows to add (the valid ones), taps per kernel row, and the input distance between kernel rows.
    ptrdiff_t kernel_rows, kernel_columns, row_step;
    /// Output cells whose every column tap lands inside the input: [interior_low, interior_high).
    ptrdiff_t interior_low, interior_high;
    /// Distance between the rows of neighbouring output channels.
    ptrdiff_t out_plane;
    /// Input channels (passes) to add, the distance between their input planes, and between their
    /// taps in each kernel.
    ptrdiff_t slices, input_plane, weight_slice;
} cnn_conv_row;

/// One output row of four output channels (AVX: eight cells of a channel per pair of registers),
/// one pass per input channel.
///
/// `out` is channel 0's row; channel c's row starts `out_plane * c` later. `row` is column 0 of
/// the first input channel's row read by the first valid kernel row. `w0`…`w3` point at channel
/// 0…3's taps of the first valid kernel row of the first input channel. Each cell's sum starts at
/// 0 when `first` is non-zero, otherwise at its value in `out`; its terms are added one by one,
/// input channel by input channel, kernel row by kernel row, column by column, without fused
/// multiply-add, taps in the padding skipped; then `bias[c]` when `bias` is not NULL. That is the
/// trace's order, so results equal the traces bit for bit.
void cnn_conv_row_pass4_avx(
    const cnn_conv_row *geometry, double *out, const double *row, const double *w0, const double *w1,
    const double *w2, const double *w3, int first, const double *bias);

/// `cnn_conv_row_pass4_avx` for one output channel (sixteen cells per block of registers).
void cnn_conv_row_pass1_avx(
    const cnn_conv_row *geometry, double *out, const double *row, const double *w, int first, const double *bias);

#endif
