// Writes the JPEG fixtures of CNNImageTests with libjpeg-turbo (no downloads):
//   cc make-jpeg-fixtures.c -ljpeg -o /tmp/make-jpeg-fixtures && /tmp/make-jpeg-fixtures
// grey-8x8.jpg: a left-to-right ramp; rgb-16x8.jpg: left half red, right half blue;
// progressive-8x8.jpg: the grey ramp, progressive; cmyk-8x8.jpg: red top half, blue bottom
// half, as Adobe (inverted) CMYK.
#include <stdio.h>
#include <jpeglib.h>

static void write_jpeg(const char *path, int width, int height, int components, int progressive,
                       const unsigned char *pixels) {
    struct jpeg_compress_struct info;
    struct jpeg_error_mgr errors;
    FILE *file = fopen(path, "wb");
    if (file == NULL) return;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    jpeg_stdio_dest(&info, file);
    info.image_width = width;
    info.image_height = height;
    info.input_components = components;
    info.in_color_space = components == 1 ? JCS_GRAYSCALE : components == 4 ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 100, TRUE);
    if (progressive) jpeg_simple_progression(&info);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + info.next_scanline * width * components);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    fclose(file);
}

int main(void) {
    unsigned char grey[8 * 8];
    for (int y = 0; y < 8; y++)
        for (int x = 0; x < 8; x++) grey[y * 8 + x] = (unsigned char)(x * 32);
    unsigned char rgb[16 * 8 * 3];
    for (int y = 0; y < 8; y++)
        for (int x = 0; x < 16; x++) {
            unsigned char *p = rgb + (y * 16 + x) * 3;
            p[0] = x < 8 ? 255 : 0;
            p[1] = 0;
            p[2] = x < 8 ? 0 : 255;
        }
    write_jpeg("grey-8x8.jpg", 8, 8, 1, 0, grey);
    write_jpeg("rgb-16x8.jpg", 16, 8, 3, 0, rgb);
    write_jpeg("progressive-8x8.jpg", 8, 8, 1, 1, grey);
    unsigned char cmyk[8 * 8 * 4];
    for (int i = 0; i < 64; i++) {
        unsigned char *p = cmyk + i * 4;
        int red = i < 32;
        p[0] = red ? 255 : 0;  // inverted: 255 is no cyan
        p[1] = 0;
        p[2] = red ? 0 : 255;
        p[3] = 255;  // no black
    }
    write_jpeg("cmyk-8x8.jpg", 8, 8, 4, 0, cmyk);
    return 0;
}
