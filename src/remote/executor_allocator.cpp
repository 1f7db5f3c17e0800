// The executor's operator new/delete (linked into fmconf-executor.exe only): every block comes
// from one address range reserved when the process starts, in size classes with free lists;
// freed blocks are reused, never returned.
//
// Why not malloc:
// - Speed. The executor's own work (besides the Api calls it serves) is JSON: requests, cases,
//   results, made of many small strings and nodes. Under Wine, malloc is msvcrt's over Wine's
//   HeapAlloc, about twice glibc's cost: reading a request and writing a result took twice as
//   long as the same code on Linux. Free lists bring it back to the Linux figure.
// - The address space the cases see. While a batch runs, a second thread reads and prepares the
//   next requests (executor_main.cpp). A heap that grows takes a fresh region from the system
//   wherever there is room, possibly where a case has just unmapped a view it is about to map
//   again (views/mapviewofex-reuse-freed-base). Carving from a range reserved up front, neither
//   thread takes new address space while a case runs.
//
// Classes: 16-byte steps up to 512 bytes (carved 64 at a time), then powers of two up to
// 256 MiB. Larger blocks, or any block once the reservation is used up, come from VirtualAlloc.
// Thread-safe with a slim reader/writer lock (uncontended: one atomic operation).
#include <cstddef>
#include <cstdint>
#include <new>
#include <windows.h>

namespace {

constexpr std::size_t kGrain = 16;
constexpr std::size_t kSmallest = 16;
constexpr std::size_t kSmallLimit = 512;                     // classes 1..32: 16..512 bytes
constexpr std::size_t kSmallClasses = kSmallLimit / kGrain;  // 32
constexpr std::size_t kLargeClasses = 19;                    // 1 KiB .. 256 MiB
constexpr std::size_t kClasses = kSmallClasses + kLargeClasses + 1;
constexpr std::size_t kDirect = 0;   // class of a block from VirtualAlloc
constexpr std::size_t kHeader = 16;  // before each block: its class (keeps 16-byte alignment)
constexpr std::size_t kBlocksPerSlab = 64;
constexpr std::size_t kReserve = std::size_t{8} << 30;  // address space (not memory)
constexpr std::size_t kCommitStep = std::size_t{1} << 20;

struct FreeBlock {
  FreeBlock* next;
};

FreeBlock* free_lists[kClasses];
SRWLOCK lock = SRWLOCK_INIT;
char* arena = nullptr;  // the reservation
char* arena_next = nullptr;
char* arena_committed = nullptr;
char* arena_end = nullptr;

class Locked {
 public:
  Locked() { AcquireSRWLockExclusive(&lock); }
  ~Locked() { ReleaseSRWLockExclusive(&lock); }
  Locked(const Locked&) = delete;
  Locked& operator=(const Locked&) = delete;
};

std::size_t& class_of(void* block) {
  return *reinterpret_cast<std::size_t*>(static_cast<char*>(block) - kHeader);
}

std::size_t class_for(std::size_t size) {
  if (size <= kSmallLimit) return size <= kSmallest ? 1 : (size + kGrain - 1) / kGrain;
  std::size_t bytes = 1024;
  for (std::size_t c = kSmallClasses + 1; c < kClasses; ++c, bytes <<= 1) {
    if (size <= bytes) return c;
  }
  return kDirect;
}

std::size_t bytes_of(std::size_t size_class) {
  return size_class <= kSmallClasses ? size_class * kGrain
                                     : std::size_t{1024} << (size_class - kSmallClasses - 1);
}

// `bytes` from the reservation (committed as it is used); nullptr when it is used up.
char* carve(std::size_t bytes) {
  if (arena == nullptr) {
    arena = static_cast<char*>(VirtualAlloc(nullptr, kReserve, MEM_RESERVE, PAGE_NOACCESS));
    if (arena == nullptr) return nullptr;
    arena_next = arena_committed = arena;
    arena_end = arena + kReserve;
  }
  if (static_cast<std::size_t>(arena_end - arena_next) < bytes) return nullptr;
  char* block = arena_next;
  arena_next += bytes;
  if (arena_next > arena_committed) {
    const std::size_t more =
        ((static_cast<std::size_t>(arena_next - arena_committed) + kCommitStep - 1) / kCommitStep) *
        kCommitStep;
    if (VirtualAlloc(arena_committed, more, MEM_COMMIT, PAGE_READWRITE) == nullptr) {
      arena_next = block;
      return nullptr;
    }
    arena_committed += more;
  }
  return block;
}

void* direct(std::size_t size) {
  void* raw = VirtualAlloc(nullptr, size + kHeader, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
  if (raw == nullptr) throw std::bad_alloc();
  void* block = static_cast<char*>(raw) + kHeader;
  class_of(block) = kDirect;
  return block;
}

void* allocate(std::size_t size) {
  const std::size_t size_class = class_for(size);
  if (size_class == kDirect) return direct(size);
  {
    const Locked locked;
    if (FreeBlock* block = free_lists[size_class]) {
      free_lists[size_class] = block->next;
      return block;
    }
    const std::size_t stride = kHeader + bytes_of(size_class);
    const std::size_t count = size_class <= kSmallClasses ? kBlocksPerSlab : 1;
    if (char* slab = carve(stride * count)) {
      // The first block is returned, the others go on the list.
      for (std::size_t i = count - 1; i > 0; --i) {
        void* block = slab + i * stride + kHeader;
        class_of(block) = size_class;
        auto* node = static_cast<FreeBlock*>(block);
        node->next = free_lists[size_class];
        free_lists[size_class] = node;
      }
      void* block = slab + kHeader;
      class_of(block) = size_class;
      return block;
    }
  }
  return direct(size);  // the reservation is used up
}

void release(void* block) noexcept {
  if (block == nullptr) return;
  const std::size_t size_class = class_of(block);
  if (size_class == kDirect) {
    VirtualFree(static_cast<char*>(block) - kHeader, 0, MEM_RELEASE);
    return;
  }
  const Locked locked;
  auto* node = static_cast<FreeBlock*>(block);
  node->next = free_lists[size_class];
  free_lists[size_class] = node;
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* block) noexcept { release(block); }
void operator delete[](void* block) noexcept { release(block); }
void operator delete(void* block, std::size_t) noexcept { release(block); }
void operator delete[](void* block, std::size_t) noexcept { release(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { release(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { release(block); }
