// libjpeg-turbo (Debian: libjpeg62-turbo-dev) for the C decoder in CImageDecode.
// jpeglib.h needs FILE and size_t declared before it.
#ifndef CNNVIZ_CJPEG_SHIM_H
#define CNNVIZ_CJPEG_SHIM_H
#include <stddef.h>
#include <stdio.h>
#include <jpeglib.h>
#endif
