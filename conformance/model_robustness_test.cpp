// The model never crashes, leaks, asserts or allocates unboundedly, whatever the input: random
// call sequences (fixed seeds) over every Api call with hostile values, invariants checked
// after every call and nothing alive after end_case().
#include "model_test_support.hpp"

#include <random>

namespace fmconf::testing {
namespace {

class RandomCalls {
 public:
  explicit RandomCalls(std::uint64_t seed) : rng_(seed) {}

  std::uint64_t pick(std::uint64_t n) {
    return std::uniform_int_distribution<std::uint64_t>(0, n - 1)(rng_);
  }
  template <class T>
  T from(std::initializer_list<T> values) {
    return *(values.begin() + pick(values.size()));
  }

  Handle handle() {
    if (!handles_.empty() && pick(4) != 0) return handles_[pick(handles_.size())];
    return from<Handle>({kNullHandle, kInvalidHandleValue, kCurrentThread, 4, 5, 0x1234, ~Handle{2},
                         Handle{1} << 63, ~Handle{0} - 7});
  }
  Address address() {
    if (!views_.empty() && pick(3) != 0) {
      return views_[pick(views_.size())] +
             from<std::uint64_t>({0, 1, 4095, 4096, 0x10000, 0xfffff});
    }
    return from<Address>({0, 0x10000000, 0x7FFFFFFEFFFF, 0x7FFFFFFF0000, ~Address{0}, 42});
  }
  std::uint32_t u32() {
    return from<std::uint32_t>({0, 1, 2, 4, 8, 0x20, 0x40, 0x80, 0x3f, 0xff, 0x1000, 0xffff,
                                0x10000, 0x8000000, 0x80000000, 0xffffffff,
                                static_cast<std::uint32_t>(rng_())});
  }
  std::uint32_t protect() {
    return from<std::uint32_t>({2, 4, 8, 0x20, 0x40, 0x80, 1, 0x10, 0}) |
           from<std::uint32_t>({0, 0, sec::kCommit, sec::kReserve, sec::kImage, sec::kNoCache,
                                sec::kLargePages, sec::kFile, 0x100, u32()});
  }
  std::uint64_t size() {
    return from<std::uint64_t>(
        {0, 1, 36, 4096, 4097, 0x10000, 0x100000, 1ull << 40, 1ull << 44, ~0ull, rng_() % 100000});
  }
  std::u16string name() {
    switch (pick(8)) {
      case 0:
        return u"";
      case 1:
        return u"Local\\n" + std::u16string(1, char16_t(u'0' + pick(3)));
      case 2:
        return u"Global\\n1";
      case 3:
        return std::u16string{char16_t(0xD800), u'\\', u'\0', u'x'};
      case 4:
        return std::u16string(33000, u'z');
      case 5:
        return u"Session\\" + std::u16string(1, char16_t(u'0' + pick(3))) + u"\\n";
      default:
        return u"n" + std::u16string(1, char16_t(u'0' + pick(3)));
    }
  }
  std::u16string path() {
    return from<std::u16string>(
        {u"a.bin", u"b.bin", u"A.BIN", u"", u"x\\y", u"..", u"c?", u"img.dll"});
  }
  Bytes data() {
    if (pick(5) == 0) return minimal_pe();
    Bytes out(pick(9000));
    for (auto& b : out) b = static_cast<std::uint8_t>(rng_());
    return out;
  }

  void step(ModelApi& api) {
    const std::uint64_t op = pick(24);
    Handle out = kNullHandle;
    switch (op) {
      case 0:
      case 1:
        keep(api.CreateFileW(path(), u32() | from<std::uint32_t>({0xc0000000, 0x80000000}),
                             static_cast<std::uint32_t>(pick(9)),
                             static_cast<std::uint32_t>(pick(7)),
                             from<std::uint32_t>({0x80, file_flags::kDeleteOnClose})));
        break;
      case 2:
        keep(api.CreateFileA("a.bin", 0xc0000000, 7, 4, 0x80));
        break;
      case 3: {
        std::uint64_t s = 0;
        api.GetFileSizeEx(handle(), pick(2) ? &s : nullptr);
        break;
      }
      case 4:
        api.SetFileSize(handle(), size());
        break;
      case 5:
        api.SetEndOfFile(handle());
        break;
      case 6: {
        Bytes d;
        api.ReadFile(handle(), size(), static_cast<std::uint32_t>(pick(20000)),
                     pick(2) ? &d : nullptr);
        break;
      }
      case 7:
        api.WriteFile(handle(), pick(2) ? pick(70000) : size(), data());
        break;
      case 8:
      case 9: {
        OptionalName n;
        if (pick(2)) n = name();
        keep(api.CreateFileMappingW(handle(), false, protect(), pick(3) ? 0 : u32(),
                                    static_cast<std::uint32_t>(size()), n));
        break;
      }
      case 10: {
        OptionalNameA n;
        if (pick(2)) n = std::string(pick(2) ? 10 : 300, '\x80');
        keep(api.CreateFileMappingA(handle(), false, protect(), 0, u32(), n));
        break;
      }
      case 11:
        keep(api.OpenFileMappingW(u32(), false, name()));
        break;
      case 12:
        keep(api.OpenFileMappingA(u32(), false, "n1"));
        break;
      case 13: {
        SectionInfo info;
        api.QuerySection(handle(), pick(2) ? &info : nullptr);
        break;
      }
      case 14:
      case 15: {
        const Address a = pick(3) ? api.MapViewOfFile(handle(), u32(), pick(4) ? 0 : u32(),
                                                      from<std::uint32_t>({0, 0x10000, 1, u32()}),
                                                      pick(2) ? 0 : size())
                                  : api.MapViewOfFileEx(handle(), u32(), 0, 0, size(), address());
        if (a) views_.push_back(a);
        break;
      }
      case 16:
        api.UnmapViewOfFile(address());
        break;
      case 17: {
        MemoryInfo info;
        api.VirtualQuery(address(), pick(5) ? &info : nullptr);
        break;
      }
      case 18:
        api.ReadView(address(), static_cast<std::uint32_t>(pick(3) ? pick(70000) : pick(1u << 22)));
        break;
      case 19:
        api.WriteView(address(), data());
        break;
      case 20:
        api.CloseHandle(handle());
        break;
      case 21:
        api.DuplicateHandle(handle(), u32(), pick(2) != 0, pick(4) ? &out : nullptr);
        keep(out);
        break;
      case 22: {
        OptionalName n;
        if (pick(2)) n = name();
        switch (pick(3)) {
          case 0:
            keep(api.CreateEventW(pick(2), pick(2), n));
            break;
          case 1:
            keep(api.CreateMutexW(pick(2), n));
            break;
          default:
            keep(api.CreateSemaphoreW(static_cast<std::int32_t>(u32()),
                                      static_cast<std::int32_t>(u32()), n));
        }
        break;
      }
      default:
        switch (pick(3)) {
          case 0:
            keep(api.OpenEventW(u32(), false, name()));
            break;
          case 1:
            keep(api.OpenMutexW(u32(), false, name()));
            break;
          default:
            keep(api.OpenSemaphoreW(u32(), false, name()));
        }
    }
  }

 private:
  void keep(Handle h) {
    if (h != kNullHandle && h != kInvalidHandleValue) handles_.push_back(h);
  }
  std::mt19937_64 rng_;
  std::vector<Handle> handles_;
  std::vector<Address> views_;
};

TEST(ModelRobustness, RandomCallSequencesKeepTheInvariants) {
  ModelConfig config;
  config.disk_capacity = 64ull << 20;  // keeps ReadView/ReadFile results small
  config.commit_limit = 64ull << 20;
  ModelApi api(config);
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    RandomCalls calls(seed);
    api.begin_case();
    for (int i = 0; i < 300; ++i) {
      calls.step(api);
      const auto broken = api.check_invariants();
      ASSERT_TRUE(broken.empty()) << "seed " << seed << " step " << i << ": " << broken.front();
      ASSERT_LT(api.live_counts().allocated_bytes, 512ull << 20) << "seed " << seed;
    }
    api.end_case();
    ASSERT_EQ(api.live_counts(), LiveCounts{}) << "seed " << seed << " leaked";
  }
}

TEST(ModelRobustness, HugeSparseSizesCostNoMemory) {
  ModelConfig config;
  config.disk_capacity = 1ull << 43;
  ModelApi api(config);
  api.begin_case();
  const Handle f = api.CreateFileW(u"huge.bin", kGenericRW, 0, disposition::kCreateAlways, 0x80);
  ASSERT_TRUE(api.SetFileSize(f, 1ull << 42));
  const Handle m = api.CreateFileMappingW(f, false, page::kReadWrite, 0, 0, std::nullopt);
  ASSERT_NE(m, kNullHandle);
  const Address view = api.MapViewOfFile(m, map_access::kWrite, 0, 0, 0);
  ASSERT_NE(view, 0u);
  MemoryInfo info;
  ASSERT_EQ(api.VirtualQuery(view, &info), 48u);
  EXPECT_EQ(info.region_size, 1ull << 42);
  EXPECT_FALSE(api.WriteView(view + (1ull << 41), {1, 2}).fault);
  EXPECT_LT(api.live_counts().allocated_bytes, 1u << 20);
  // A copy-on-write view with a written page in the middle of 4 TiB: regions stay cheap.
  const Address copy = api.MapViewOfFile(m, map_access::kCopy, 0, 0, 0);
  EXPECT_FALSE(api.WriteView(copy + (1ull << 40), {1}).fault);
  ASSERT_EQ(api.VirtualQuery(copy + 4096, &info), 48u);
  EXPECT_EQ(info.region_size, (1ull << 40) - 4096);
  EXPECT_TRUE(api.check_invariants().empty());
  api.end_case();
  EXPECT_EQ(api.live_counts(), LiveCounts{});
}

TEST(ModelRobustness, CommitLimit) {
  ModelConfig config;
  config.commit_limit = 1 << 20;
  ModelApi api(config);
  api.begin_case();
  const Handle a = api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 1 << 20,
                                          std::nullopt);
  ASSERT_NE(a, kNullHandle);
  api.SetLastError(kLastErrorSentinel);
  EXPECT_EQ(
      api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, std::nullopt),
      kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kCommitmentLimit}))
      << "inferred:commit-limit-error";
  EXPECT_NE(api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite | sec::kReserve, 0,
                                   1 << 30, std::nullopt),
            kNullHandle)
      << "SEC_RESERVE charges nothing";
  api.CloseHandle(a);
  EXPECT_NE(
      api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, std::nullopt),
      kNullHandle)
      << "closing returned the charge";
  api.end_case();
}

}  // namespace
}  // namespace fmconf::testing
