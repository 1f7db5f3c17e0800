// ModelApi: the reference model. A portable C++20 implementation of how modern Windows (10/11)
// behaves for the file-mapping API, built from the facts in corpus/facts. No OS calls:
// files live in a fake per-case folder, views in a fake address space.
//
// Shape (ReactOS's): each Win32 entry point checks its arguments in Windows' order, the object
// layer does the work, and the last error is set on every path: creation calls set 0 or
// ERROR_ALREADY_EXISTS on success, failures set the error, other successes leave it untouched.
// Each rule is a short block citing its spec rows (`// spec:A11-A14`); answers the spec does not
// give cite their entry in inferred.hpp.
#pragma once

#include "api/api.hpp"
#include "reference/address_space.hpp"
#include "reference/file_system.hpp"
#include "reference/model_config.hpp"
#include "reference/object_manager.hpp"
#include "reference/object_namespace.hpp"
#include "reference/result.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fmconf {

// How many things are alive: for fuzzers and property tests checking "no leak".
struct LiveCounts {
  std::uint64_t handles = 0;
  std::uint64_t objects = 0;  // without the permanent process and thread
  std::uint64_t views = 0;
  std::uint64_t names = 0;
  std::uint64_t files = 0;  // file nodes, named or still referenced
  std::uint64_t commit_charge = 0;
  std::uint64_t allocated_bytes = 0;  // sparse storage actually allocated
  friend bool operator==(const LiveCounts&, const LiveCounts&) = default;
};

class ModelApi : public Api {
 public:
  explicit ModelApi(const ModelConfig& config = {});

  // --- Api --------------------------------------------------------------------------------
  std::uint32_t GetLastError() override { return last_error_; }
  void SetLastError(std::uint32_t error) override { last_error_ = error; }
  Environment environment() override;
  void begin_case() override;
  void end_case() override;

  Handle CreateFileW(const std::u16string& path, std::uint32_t access, std::uint32_t share,
                     std::uint32_t disposition, std::uint32_t flags) override;
  Handle CreateFileA(const std::string& path, std::uint32_t access, std::uint32_t share,
                     std::uint32_t disposition, std::uint32_t flags) override;
  bool GetFileSizeEx(Handle file, std::uint64_t* size) override;
  bool SetFileSize(Handle file, std::uint64_t size) override;
  bool SetEndOfFile(Handle file) override;
  bool ReadFile(Handle file, std::uint64_t offset, std::uint32_t length, Bytes* data) override;
  bool WriteFile(Handle file, std::uint64_t offset, const Bytes& data) override;

  Handle CreateFileMappingW(Handle file, bool inherit, std::uint32_t protect,
                            std::uint32_t size_high, std::uint32_t size_low,
                            const OptionalName& name) override;
  Handle CreateFileMappingA(Handle file, bool inherit, std::uint32_t protect,
                            std::uint32_t size_high, std::uint32_t size_low,
                            const OptionalNameA& name) override;
  Handle OpenFileMappingW(std::uint32_t access, bool inherit, const std::u16string& name) override;
  Handle OpenFileMappingA(std::uint32_t access, bool inherit, const std::string& name) override;
  bool QuerySection(Handle section, SectionInfo* info) override;

  Address MapViewOfFile(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                        std::uint32_t offset_low, std::uint64_t bytes) override;
  Address MapViewOfFileEx(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                          std::uint32_t offset_low, std::uint64_t bytes, Address base) override;
  bool UnmapViewOfFile(Address address) override;
  std::uint64_t VirtualQuery(Address address, MemoryInfo* info) override;
  ViewAccess ReadView(Address address, std::uint32_t length) override;
  ViewAccess WriteView(Address address, const Bytes& data) override;

  bool CloseHandle(Handle handle) override;
  bool DuplicateHandle(Handle source, std::uint32_t access, bool same_access,
                       Handle* target) override;
  Handle CreateEventW(bool manual_reset, bool initial_state, const OptionalName& name) override;
  Handle CreateMutexW(bool initial_owner, const OptionalName& name) override;
  Handle CreateSemaphoreW(std::int32_t initial_count, std::int32_t maximum_count,
                          const OptionalName& name) override;
  Handle OpenEventW(std::uint32_t access, bool inherit, const std::u16string& name) override;
  Handle OpenMutexW(std::uint32_t access, bool inherit, const std::u16string& name) override;
  Handle OpenSemaphoreW(std::uint32_t access, bool inherit, const std::u16string& name) override;

  // --- model-only -------------------------------------------------------------------------
  const ModelConfig& config() const { return config_; }
  // Broken invariants, one message each (empty when the model is consistent): reference counts
  // match handles, views and sections; names point at live objects with handles; no object
  // without a holder; views aligned and disjoint; commit charge and file references add up.
  std::vector<std::string> check_invariants() const;
  LiveCounts live_counts() const;
  // The inferred choices (inferred.hpp ids) answers since begin_case() relied on.
  std::vector<std::string_view> inferred_used() const;

 private:
  using ObjectId = model::ObjectId;
  using NodeId = model::NodeId;
  template <class T>
  using Result = model::Result<T>;
  using Status = model::Status;

  struct Opened {
    Handle handle;
    bool existed;  // ERROR_ALREADY_EXISTS on success
  };
  struct HandleRef {
    ObjectId id;
    model::Object* object;
    std::uint32_t access;
  };

  void rely_on(std::string_view inferred_id) const { inferred_used_.insert(inferred_id); }
  // Sets the last error for a creation call: ERROR_ALREADY_EXISTS or 0 on success.
  Handle finish_create(const Result<Opened>& result);
  Handle finish_handle(const Result<Handle>& result);
  bool finish_status(const Status& status);

  // handles and lifetime (model_handles.cpp)
  Result<HandleRef> reference(Handle handle, model::ObjectType type);
  Result<HandleRef> reference_any(Handle handle);
  Handle new_handle(ObjectId id, std::uint32_t access, bool inherit);
  void close_entry(Handle handle);
  void on_last_handle_closed(ObjectId id);
  void add_pointer(ObjectId id);
  void release_pointer(ObjectId id);
  void maybe_destroy(ObjectId id);
  void destroy(ObjectId id);
  void close_everything();

  // names (model_names.cpp)
  struct NameSlot {
    std::optional<model::ObjectName> name;  // where a new object goes (nullopt: unnamed)
    ObjectId existing = 0;                  // the object already there, of the right type
  };
  Result<std::u16string> ansi_name(const std::string& name);
  Result<model::ResolvedName> checked_name(const std::u16string& name);
  // The namespace step of a Create* call (spec:§3, spec:N1-N26): where the new object goes, or the
  // existing object of the same type, or the error.
  Result<NameSlot> claim_name(model::ObjectType type, const OptionalName& name);
  // Opens a handle to slot.existing, or adds `object` under slot.name and opens a handle.
  Opened add_named(model::Object object, const NameSlot& slot, std::uint32_t access, bool inherit);
  Result<Handle> open_named(model::ObjectType type, std::uint32_t access, bool inherit,
                            const std::u16string& name);

  // files (model_files.cpp)
  Result<Opened> create_file(const std::u16string& path, std::uint32_t access, std::uint32_t share,
                             std::uint32_t disposition, std::uint32_t flags);
  Status check_sharing(NodeId node, std::uint32_t access, std::uint32_t share) const;
  Status check_section_rules_for_open(NodeId node, std::uint32_t access, bool overwrite,
                                      bool delete_on_close) const;
  Status truncation_allowed(NodeId node, std::uint64_t new_size) const;
  Status resize(NodeId node, std::uint64_t new_size);
  Status set_end_of_file(Handle file);
  Result<Bytes> read_file(Handle file, std::uint64_t offset, std::uint32_t length);
  Status write_file(Handle file, std::uint64_t offset, const Bytes& data);
  void release_file_object(model::Object& object);
  void cleanup_file_object(model::Object& object);

  // sections (model_sections.cpp)
  Result<Opened> create_section(Handle file, bool inherit, std::uint32_t protect,
                                std::uint32_t size_high, std::uint32_t size_low,
                                const OptionalName& name);
  Result<Handle> open_section(std::uint32_t access, bool inherit, const std::u16string& name);
  Status query_section(Handle section, SectionInfo* info);

  // views (model_views.cpp)
  Result<Address> map_view(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                           std::uint32_t offset_low, std::uint64_t bytes, Address base);
  Status unmap_view(Address address);
  struct PageState {
    std::uint32_t state;
    std::uint32_t protect;
    friend bool operator==(const PageState&, const PageState&) = default;
  };
  PageState page_state(const model::View& view, std::uint64_t page) const;
  std::uint64_t next_boundary(const model::View& view, std::uint64_t page) const;
  void read_backing(const model::View& view, std::uint64_t view_offset, std::uint64_t length,
                    Bytes* out) const;
  void write_backing(const model::View& view, std::uint64_t view_offset, const std::uint8_t* data,
                     std::uint64_t length);

  // sync objects (model_sync_objects.cpp)
  Result<Opened> create_sync(model::ObjectType type, model::SyncObject sync,
                             std::uint32_t all_access, const OptionalName& name);

  ModelConfig config_;
  std::uint32_t last_error_ = 0;
  model::ObjectManager objects_;
  model::ObjectNamespace names_;
  model::FileSystem files_;
  model::AddressSpace memory_;
  std::uint64_t commit_charge_ = 0;
  mutable std::set<std::string_view> inferred_used_;  // a record, not model state
};

}  // namespace fmconf
