// PNG decoding with libpng; see image_decode.h.
#include "image_decode.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const uint8_t *data;
    size_t size;
    size_t offset;
    char *error;
} png_source;

static void png_fail(png_structp png, png_const_charp message) {
    png_source *source = (png_source *)png_get_error_ptr(png);
    snprintf(source->error, 256, "corrupt PNG: %s", message);
    png_longjmp(png, 1);
}

static void png_warn(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void png_read_memory(png_structp png, png_bytep into, png_size_t count) {
    png_source *source = (png_source *)png_get_io_ptr(png);
    if (count > source->size - source->offset) {
        png_error(png, "truncated data (the file ends inside a chunk)");
    }
    memcpy(into, source->data + source->offset, count);
    source->offset += count;
}

void cnn_free_decoded_image(cnn_decoded_image *image) {
    if (image == NULL) return;
    free(image->samples);
    image->samples = NULL;
}

int cnn_decode_png(const uint8_t *data, size_t size, long max_side, cnn_decoded_image *out) {
    memset(out, 0, sizeof(*out));
    png_source source = {data, size, 0, out->error};
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0) {
        snprintf(out->error, sizeof(out->error), "not a PNG file (wrong signature)");
        return -1;
    }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, png_fail, png_warn);
    if (png == NULL) {
        snprintf(out->error, sizeof(out->error), "libpng could not start");
        return -1;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        snprintf(out->error, sizeof(out->error), "libpng could not start");
        return -1;
    }
    uint8_t *volatile row = NULL;
    uint16_t *volatile samples = NULL;
    if (setjmp(png_jmpbuf(png))) {
        free(row);
        free(samples);
        png_destroy_read_struct(&png, &info, NULL);
        return -1;
    }
    png_set_read_fn(png, &source, png_read_memory);
    png_set_chunk_malloc_max(png, 64u * 1024u * 1024u);
    png_read_info(png, info);

    png_uint_32 width = 0, height = 0;
    int depth = 0, color = 0, interlace = 0;
    png_get_IHDR(png, info, &width, &height, &depth, &color, &interlace, NULL, NULL);
    if (width == 0 || height == 0 || (long)width > max_side || (long)height > max_side) {
        snprintf(out->error, sizeof(out->error), "size %ux%u", (unsigned)width, (unsigned)height);
        png_destroy_read_struct(&png, &info, NULL);
        return -2;
    }
    if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (color & PNG_COLOR_MASK_ALPHA) png_set_strip_alpha(png);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);

    int channels = png_get_channels(png, info);
    int bits = png_get_bit_depth(png, info);
    if ((channels != 1 && channels != 3) || (bits != 8 && bits != 16)) {
        png_error(png, "unsupported colour layout");
    }
    size_t rowBytes = png_get_rowbytes(png, info);
    size_t count = (size_t)width * (size_t)height * (size_t)channels;
    samples = malloc(count * sizeof(uint16_t));
    row = malloc(rowBytes);
    if (samples == NULL || row == NULL) png_error(png, "out of memory");

    size_t rowSamples = (size_t)width * (size_t)channels;
    for (int pass = 0; pass < passes; pass++) {
        for (png_uint_32 y = 0; y < height; y++) {
            uint16_t *target = samples + (size_t)y * rowSamples;
            if (pass > 0) {
                // Interlaced passes combine with the row so far: rebuild it in libpng's layout.
                for (size_t i = 0; i < rowSamples; i++) {
                    if (bits == 16) {
                        row[2 * i] = (uint8_t)(target[i] >> 8);
                        row[2 * i + 1] = (uint8_t)(target[i] & 0xFF);
                    } else {
                        row[i] = (uint8_t)target[i];
                    }
                }
            }
            png_read_row(png, row, NULL);
            for (size_t i = 0; i < rowSamples; i++) {
                target[i] = bits == 16 ? (uint16_t)((row[2 * i] << 8) | row[2 * i + 1]) : row[i];
            }
        }
    }
    png_read_end(png, NULL);
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    out->width = (int)width;
    out->height = (int)height;
    out->channels = channels;
    out->max_value = bits == 16 ? 65535 : 255;
    out->samples = samples;
    return 0;
}
