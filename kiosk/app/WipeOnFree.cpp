// The kiosk program's operator new and delete: every block C++ frees is zeroed first, so the copies a typed
// name leaves behind (scene strings, laid-out lines, texture-cache keys, std::string buffers) do not linger
// in freed heap memory where a crash dump or a stolen card's swap could show them. Linked into the kiosk
// program only; sanitizer builds keep their own allocator (which poisons freed memory itself).
#include <cstdlib>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KIOSK_SANITIZED_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define KIOSK_SANITIZED_ALLOCATOR 1
#endif

#ifndef KIOSK_SANITIZED_ALLOCATOR
#include <malloc.h>
#include <string.h>

// This file is the allocator: malloc and free are what it builds new and delete from.
// NOLINTBEGIN(cppcoreguidelines-no-malloc)
namespace {
void* allocate(std::size_t size) {
    void* block = std::malloc(size == 0 ? 1 : size);
    if (!block) throw std::bad_alloc();
    return block;
}

void wipeAndFree(void* block) noexcept {
    if (!block) return;
    // explicit_bzero: a memset the compiler may not drop because the block is freed right after.
    explicit_bzero(block, malloc_usable_size(block));
    std::free(block);
}
}  // namespace

void* operator new(std::size_t size) {
    return allocate(size);
}
void* operator new[](std::size_t size) {
    return allocate(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* block) noexcept {
    wipeAndFree(block);
}
void operator delete[](void* block) noexcept {
    wipeAndFree(block);
}
void operator delete(void* block, std::size_t) noexcept {
    wipeAndFree(block);
}
void operator delete[](void* block, std::size_t) noexcept {
    wipeAndFree(block);
}
void operator delete(void* block, const std::nothrow_t&) noexcept {
    wipeAndFree(block);
}
void operator delete[](void* block, const std::nothrow_t&) noexcept {
    wipeAndFree(block);
}
// NOLINTEND(cppcoreguidelines-no-malloc)
#endif
