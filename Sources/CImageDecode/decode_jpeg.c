// JPEG decoding with libjpeg-turbo; see image_decode.h.
#include "image_decode.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    char *error;
} jpeg_failure;

static void jpeg_fail(j_common_ptr info) {
    jpeg_failure *failure = (jpeg_failure *)info->err;
    char text[JMSG_LENGTH_MAX];
    (*info->err->format_message)(info, text);
    snprintf(failure->error, 256, "corrupt JPEG: %s", text);
    longjmp(failure->jump, 1);
}

static void jpeg_message(j_common_ptr info, int level) {
    // Level -1 is a corrupt-data warning (e.g. premature end of data): refuse the file.
    if (level < 0) jpeg_fail(info);
}

int cnn_decode_jpeg(const uint8_t *data, size_t size, long max_side, cnn_decoded_image *out) {
    memset(out, 0, sizeof(*out));
    if (size < 3 || data[0] != 0xFF || data[1] != 0xD8 || data[2] != 0xFF) {
        snprintf(out->error, sizeof(out->error), "not a JPEG file (wrong signature)");
        return -1;
    }
    struct jpeg_decompress_struct info;
    jpeg_failure failure;
    memset(&info, 0, sizeof(info));
    info.err = jpeg_std_error(&failure.manager);
    failure.manager.error_exit = jpeg_fail;
    failure.manager.emit_message = jpeg_message;
    failure.error = out->error;
    uint16_t *volatile samples = NULL;
    uint8_t *volatile row = NULL;
    if (setjmp(failure.jump)) {
        free(samples);
        free(row);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);
    if (info.image_width == 0 || info.image_height == 0
        || (long)info.image_width > max_side || (long)info.image_height > max_side) {
        snprintf(out->error, sizeof(out->error), "size %ux%u", info.image_width, info.image_height);
        jpeg_destroy_decompress(&info);
        return -2;
    }
    // CMYK and YCCK (Adobe, stored inverted as nearly every such file is) become RGB here.
    int cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = cmyk ? JCS_CMYK : info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(&info);
    int components = info.output_components;
    int channels = cmyk ? 3 : components;
    if ((cmyk && components != 4) || (!cmyk && channels != 1 && channels != 3)) {
        snprintf(out->error, sizeof(out->error), "unsupported JPEG colour layout (%d components)", components);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    size_t rowSamples = (size_t)info.output_width * (size_t)channels;
    samples = malloc(rowSamples * (size_t)info.output_height * sizeof(uint16_t));
    row = malloc((size_t)info.output_width * (size_t)components);
    if (samples == NULL || row == NULL) {
        snprintf(out->error, sizeof(out->error), "out of memory");
        free(samples);
        free(row);
        jpeg_destroy_decompress(&info);
        return -1;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW rows[1] = {row};
        size_t y = info.output_scanline;
        if (jpeg_read_scanlines(&info, rows, 1) != 1) break;
        uint16_t *target = samples + y * rowSamples;
        if (cmyk) {
            for (size_t x = 0; x < info.output_width; x++) {
                const uint8_t *ink = row + 4 * x;
                for (int c = 0; c < 3; c++) target[3 * x + c] = (uint16_t)((ink[c] * ink[3] + 127) / 255);
            }
        } else {
            for (size_t i = 0; i < rowSamples; i++) target[i] = row[i];
        }
    }
    jpeg_finish_decompress(&info);
    free(row);
    out->width = (int)info.output_width;
    out->height = (int)info.output_height;
    out->channels = channels;
    out->max_value = 255;
    out->samples = samples;
    jpeg_destroy_decompress(&info);
    return 0;
}
