// PNG and JPEG decoding behind plain C functions. libpng and libjpeg report errors with
// longjmp; the jump stays inside these functions, which return an error text instead, so it
// never crosses Swift frames.
#ifndef CNNVIZ_IMAGE_DECODE_H
#define CNNVIZ_IMAGE_DECODE_H

#include <stddef.h>
#include <stdint.h>

/// A decoded picture: row-major samples, `channels` (1 grey or 3 RGB) per pixel, each in
/// 0...max_value (255 or 65535). Alpha is dropped and palettes are expanded.
typedef struct {
    int width;
    int height;
    int channels;
    int max_value;
    uint16_t *samples;
    char error[256];
} cnn_decoded_image;

/// Decodes PNG bytes. Returns 0 and fills `out` (free it with cnn_free_decoded_image), or
/// returns -1 with `out->error` set. Images with a side longer than `max_side` pixels are refused
/// before any pixel memory is allocated: -2, with `out->error` holding "size WxH".
int cnn_decode_png(const uint8_t *data, size_t size, long max_side, cnn_decoded_image *out);

/// Decodes JPEG bytes (baseline and progressive; grey or colour). Same contract as
/// cnn_decode_png; corrupt-data warnings (e.g. truncated data) are errors.
int cnn_decode_jpeg(const uint8_t *data, size_t size, long max_side, cnn_decoded_image *out);

/// Releases the samples of a decoded image (safe on an image that failed or was freed).
void cnn_free_decoded_image(cnn_decoded_image *image);

#endif
