// libpng 1.6 (Debian: libpng-dev) for the C decoder in CImageDecode.
#ifndef CNNVIZ_CPNG_SHIM_H
#define CNNVIZ_CPNG_SHIM_H
#include <png.h>
#endif
