#ifndef GLOSSA_ALLOCATOR_H
#define GLOSSA_ALLOCATOR_H

/// Sets the C allocator's thresholds for serving large blocks from the heap (`mmap_threshold`
/// bytes and below) and for giving free heap memory back to the system (above `trim_threshold`
/// bytes). Returns 1 when both were set, 0 where the C library has no such settings.
/// (glibc's <malloc.h> is not part of Swift's Glibc module, hence this shim.)
int glossa_set_allocator_thresholds(int mmap_threshold, int trim_threshold);

#endif
