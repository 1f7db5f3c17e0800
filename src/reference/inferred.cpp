#include "reference/inferred.hpp"

namespace fmconf {
namespace {

using namespace inferred;

constexpr InferredChoice kChoices[] = {
    {kEitherValues,
     "Rows accepting two errors (A5, A8, A9, D46, D48; S4) get ERROR_ACCESS_DENIED, and "
     "ERROR_NOT_ENOUGH_MEMORY for S4.",
     "test_mapping pins A5-style rows to ERROR_ACCESS_DENIED on modern Windows with "
     "ERROR_INVALID_PARAMETER only as broken() (A11-A14); S4 is an absurd size, which the "
     "size rule answers with STATUS_SECTION_TOO_BIG -> ERROR_NOT_ENOUGH_MEMORY (S5, A19)."},
    {kHfileNull,
     "CreateFileMapping with hFile == NULL makes a pagefile-backed section like "
     "INVALID_HANDLE_VALUE; with size 0:0 it fails ERROR_INVALID_PARAMETER, after the flag "
     "checks (NtCreateSection's own check, not kernel32's).",
     "Open question 1. kernel32 (ReactOS, Wine KB) only rewrites INVALID_HANDLE_VALUE to a NULL "
     "file handle and checks its size; a NULL hFile reaches NtCreateSection unchanged, whose "
     "documented contract is that a NULL FileHandle means a section backed by the paging "
     "file, and which rejects a pagefile section of size 0 (STATUS_INVALID_PARAMETER_4 -> "
     "ERROR_INVALID_PARAMETER, E). The seed page's claim is still wrong as documentation "
     "(DOC-CFM names INVALID_HANDLE_VALUE)."},
    {kHfileWrongType,
     "GetCurrentThread(), event/mutex/semaphore/section/process handles as hFile fail "
     "ERROR_INVALID_HANDLE; so do closed and garbage values.",
     "§4: STATUS_OBJECT_TYPE_MISMATCH and STATUS_INVALID_HANDLE both map to "
     "ERROR_INVALID_HANDLE (E); no Windows-run CreateFileMapping test."},
    {kPagefileSizeZeroFirst,
     "INVALID_HANDLE_VALUE with size 0:0 fails ERROR_INVALID_PARAMETER even when the name "
     "exists.",
     "Open question 2. kernel32 checks the size before calling NtCreateSection (DOC-SHM, "
     "Wine KB, ReactOS filemap.c), so the name is never looked up."},
    {kNameAfterCreation,
     "CreateFileMapping/CreateEvent/... look the name up after every other check of the "
     "call; a file grown by the size rule stays grown even if the existing object is returned.",
     "NT creates the object first (MmCreateSection: flags, file, sizes) and inserts the name "
     "last (ObInsertObject with OBJ_OPENIF), which is where NAME_EXISTS and "
     "OBJECT_TYPE_MISMATCH come from."},
    {kGrowOnlyWritable,
     "A size larger than the file with PAGE_WRITECOPY, PAGE_EXECUTE_READ or "
     "PAGE_EXECUTE_WRITECOPY fails ERROR_NOT_ENOUGH_MEMORY, file not grown.",
     "Open question 3: DOC-CFM grows files only for PAGE_READWRITE/PAGE_EXECUTE_READWRITE; "
     "the same STATUS_SECTION_TOO_BIG as PAGE_READONLY (S5, A19)."},
    {kMaximumSectionSize,
     "Section sizes of 2^44 bytes (16 TiB) or more fail ERROR_NOT_ENOUGH_MEMORY before any "
     "growth or commit charge.",
     "S4 (2^59) and S4c (2^44, 2^44+64K) fail on Windows; 16 TiB is the NTFS/Mm limit of the "
     "tested Windows versions; STATUS_SECTION_TOO_BIG -> ERROR_NOT_ENOUGH_MEMORY (E)."},
    {kCommitLimitError,
     "A pagefile SEC_COMMIT section beyond the remaining commit limit (config) fails "
     "ERROR_COMMITMENT_LIMIT; SEC_RESERVE sections charge nothing.",
     "Open question 4. DOC-CFM: SEC_COMMIT needs enough committable pages; Mm charges commit "
     "at creation and a failed charge is STATUS_COMMITMENT_LIMIT -> 1455 (E)."},
    {kLargePages,
     "Pagefile SEC_COMMIT|SEC_LARGE_PAGES fails ERROR_PRIVILEGE_NOT_HELD (the model's process "
     "never holds SeLockMemoryPrivilege enabled).",
     "Open question 5. DOC-CFM requires the privilege; STATUS_PRIVILEGE_NOT_HELD -> 1314 (E). "
     "The privilege check comes before the size-multiple check."},
    {kProtectModifiers,
     "flProtect bits other than one page protection and the SEC_* attributes (PAGE_GUARD, "
     "PAGE_NOCACHE, PAGE_WRITECOMBINE, SEC_PROTECTED_IMAGE, unknown bits) fail "
     "ERROR_INVALID_PARAMETER.",
     "DOC-CFM lists only the six protections plus SEC_* attributes; NtCreateSection rejects "
     "unknown protection and attribute bits with STATUS_INVALID_PAGE_PROTECTION / "
     "STATUS_INVALID_PARAMETER_6, both ERROR_INVALID_PARAMETER (E)."},
    {kNocacheWithWritecombine,
     "SEC_NOCACHE|SEC_WRITECOMBINE together fail ERROR_INVALID_PARAMETER.",
     "The two cache attributes are exclusive, as PAGE_NOCACHE|PAGE_WRITECOMBINE are for "
     "VirtualAlloc; no row accepts them together."},
    {kImageWithoutFileOrder,
     "SEC_IMAGE without a file (C8, ERROR_BAD_EXE_FORMAT) is checked after the protection "
     "check, so SEC_IMAGE|PAGE_NOACCESS without a file is ERROR_INVALID_PARAMETER.",
     "NtCreateSection validates attributes and protection before MmCreateSection looks at the "
     "file; C8 itself uses a valid protection."},
    {kImageAttributes,
     "An image section reports SEC_IMAGE|SEC_FILE (plus SEC_NOCACHE for SEC_IMAGE_NO_EXECUTE).",
     "Table 1C gives no attributes for the PE rows; Wine's get_mapping_flags returns "
     "SEC_FILE|SEC_IMAGE and keeps the cache attribute as file sections do (C19)."},
    {kImageFileAccess,
     "SEC_IMAGE sections need the same file rights as data sections for their flProtect (H3); "
     "SEC_IMAGE|PAGE_READWRITE on a read/write handle succeeds.",
     "A17 (SEC_IMAGE|PAGE_READONLY on GENERIC_READ) fits H3; test_mapping skips the writable "
     "image protections without asserting an error."},
    {kImageLayout,
     "An image section is SizeOfImage (page-rounded) bytes laid out from the PE headers; the "
     "size arguments are ignored; the header page is PAGE_READONLY, each PE section's pages "
     "get the protection of its characteristics (write -> WRITECOPY); contents are a snapshot "
     "taken at creation and writes stay private.",
     "1D gives the header page only (PAGE_READONLY, AllocationProtect PAGE_EXECUTE_WRITECOPY, "
     "one page); the loader maps images copy-on-write from their sections."},
    {kImageTruncate,
     "SetEndOfFile/SetFileSize on a file with an image section fails ERROR_USER_MAPPED_FILE.",
     "MmCanFileBeTruncated refuses while an image section exists; G5 (CREATE_ALWAYS) is "
     "refused earlier with ERROR_SHARING_VIOLATION by the write-access rule."},
    {kSectionHandleAccess,
     "A new section handle gets STANDARD_RIGHTS_REQUIRED|SECTION_QUERY|SECTION_MAP_READ, plus "
     "SECTION_MAP_WRITE for PAGE_READWRITE/PAGE_EXECUTE_READWRITE and SECTION_MAP_EXECUTE for "
     "the EXECUTE protections.",
     "H10 says 'full access'; kernel32 (ReactOS) asks for the access the protection allows. "
     "Every view the protection permits is allowed either way, so no tested row differs."},
    {kReopenAccess,
     "CreateFileMapping of an existing name returns a handle with the access its own flProtect "
     "asks for (as for a new object), whatever the object's protection.",
     "Open question 9, DOC-CFM: 'requests access to the object with the protection that "
     "flProtect specifies'; the object's default DACL grants its creator everything."},
    {kAnsiNameLimit,
     "CreateFileMappingA/OpenFileMappingA names longer than 260 characters (after the "
     "1252 conversion, before the NUL) fail ERROR_FILENAME_EXCED_RANGE; 260 are accepted.",
     "Open question 6. kernel32 converts A names into the TEB's static buffer of 261 WCHARs "
     "(Basep8BitStringToStaticUnicodeString) and reports overflow as 206. Wine's buffer is "
     "MAX_PATH (260 incl. NUL) and already fails at 260 characters."},
    {kWideNameLimit,
     "W names of 32767 characters fail ERROR_INVALID_NAME; longer ones "
     "ERROR_FILENAME_EXCED_RANGE; up to 32766 are accepted.",
     "Open question 6. OM test_name_limits: 65532 bytes succeed, 65534 -> "
     "STATUS_OBJECT_NAME_INVALID (-> 123); beyond a UNICODE_STRING "
     "(RtlInitUnicodeStringEx) STATUS_NAME_TOO_LONG -> 206."},
    {kEmptyName,
     "An empty name creates an unnamed object; Open* with an empty name fails "
     "ERROR_INVALID_HANDLE.",
     "Open question 8, §3 DERIVED (low confidence): an empty relative name resolves to the "
     "BaseNamedObjects directory itself, a type mismatch."},
    {kSessionId,
     "The model's process runs in session 1: unprefixed and Local\\ names live in "
     "\\Sessions\\1\\BaseNamedObjects, Global\\ names in \\BaseNamedObjects.",
     "N32: interactive processes live in a non-zero session; 1 is the usual one."},
    {kSessionPrefix,
     "Session\\1\\X is the session namespace, Session\\0\\X the global one; other session "
     "numbers fail ERROR_PATH_NOT_FOUND.",
     "§3: 'Session\\' is UNTESTED; the object manager resolves it through the "
     "\\Sessions\\BNOLINKS links, which exist only for running sessions "
     "(STATUS_OBJECT_PATH_NOT_FOUND -> 3)."},
    {kGlobalPrivilege,
     "Creating a Global\\ object succeeds (the process holds SeCreateGlobalPrivilege).",
     "Open question 7: the error without the privilege is unknown; test machines run elevated "
     "or as services, where the privilege is held."},
    {kNamespaceLinks,
     "The names Global, Local, Session (or a path ending at a directory) are directories: "
     "creating or opening them fails ERROR_INVALID_HANDLE; an empty path component "
     "(Local\\\\X, trailing backslash) fails ERROR_INVALID_NAME; a path through a non-directory "
     "object fails ERROR_PATH_NOT_FOUND; prefixes are case-sensitive (local\\X is "
     "ERROR_PATH_NOT_FOUND).",
     "§3: Local/Global/Session are object-manager symbolic links inside BaseNamedObjects; a "
     "directory found where an object is expected is STATUS_OBJECT_TYPE_MISMATCH; an empty "
     "component is STATUS_OBJECT_NAME_INVALID; kernel32 opens names case-sensitively."},
    {kOpenAccessCheck,
     "Open* and DuplicateHandle grant requested rights after generic mapping; access 0 and "
     "rights outside the type's ALL_ACCESS fail ERROR_ACCESS_DENIED; MAXIMUM_ALLOWED grants "
     "the type's ALL_ACCESS.",
     "N30 (OpenMutex with 0 access is denied); the default DACL grants the creator GENERIC_ALL, "
     "which maps to the type's ALL_ACCESS and nothing more. Asserted for mutexes bit by bit "
     "(spec:names.open-mutex-access-bits, sync.c test_mutex), so the choice covers only the "
     "other types (events, semaphores, sections)."},
    {kOpenFileMapCopy, "OpenFileMapping(FILE_MAP_COPY) grants SECTION_MAP_READ.",
     "FILE_MAP_COPY equals SECTION_QUERY numerically; kernel32 converts it (Wine KB, ReactOS) so "
     "the handle can map copy-on-write views."},
    {kHandleValues,
     "Handle values are multiples of 4 starting at 4, never reused within a case; the low two "
     "bits of a value are ignored (0x105 is 0x104); values with the top bit set other than "
     "the pseudo handles are invalid.",
     "NT ignores the two tag bits of handle values; not reusing values keeps stale handles "
     "stale, which real Windows only does most of the time."},
    {kClosePseudoHandle,
     "CloseHandle(GetCurrentProcess()) and CloseHandle(GetCurrentThread()) return TRUE and do "
     "nothing.",
     "Docs of GetCurrentProcess/GetCurrentThread: calling CloseHandle with a pseudo handle has "
     "no effect."},
    {kDuplicatePseudoHandle,
     "DuplicateHandle of a pseudo handle makes a real handle to the process/thread object "
     "(PROCESS_ALL_ACCESS/THREAD_ALL_ACCESS for same_access).",
     "Documented DuplicateHandle behaviour for pseudo handles."},
    {kDuplicateAboveSource,
     "DuplicateHandle asking more than the source handle grants: file handles fail "
     "ERROR_ACCESS_DENIED; sections, events, mutexes, semaphores get it (within the type's "
     "ALL_ACCESS).",
     "A file's rights are fixed at open (sharing was checked against them); other objects are "
     "access-checked against their security descriptor, which grants their creator "
     "everything."},
    {kViewCheckOrder,
     "MapViewOfFile checks: handle (ERROR_INVALID_HANDLE) -> handle rights and protection "
     "compatibility (ERROR_ACCESS_DENIED) -> offset alignment (ERROR_MAPPED_ALIGNMENT) -> base "
     "alignment/range -> view size (ERROR_ACCESS_DENIED) -> address conflict "
     "(ERROR_INVALID_ADDRESS).",
     "NtMapViewOfSection references the handle with the access the protection needs before "
     "MmMapViewOfSection validates offsets and addresses; rows D52-D57 test one failure at a "
     "time."},
    {kViewBaseRange,
     "MapViewOfFileEx with a base above the highest user address fails "
     "ERROR_INVALID_PARAMETER; a view that would end beyond it fails ERROR_ACCESS_DENIED.",
     "NtMapViewOfSection: STATUS_INVALID_PARAMETER_3 for the base, STATUS_INVALID_VIEW_SIZE "
     "for the end (E mappings)."},
    {kAddressSpace,
     "The address space holds only the case's views: bases are 64K-aligned from 0x10000000 "
     "up, the highest user address is 0x7FFFFFFEFFFF, any other address is MEM_FREE, "
     "VirtualQuery above the highest address fails ERROR_INVALID_PARAMETER.",
     "A real process also has images and heaps; cases only query addresses inside or just "
     "after their own views (N16)."},
    {kViewCacheModifiers,
     "Views of SEC_NOCACHE / SEC_WRITECOMBINE sections report PAGE_NOCACHE / "
     "PAGE_WRITECOMBINE with Protect and AllocationProtect (not with PAGE_NOACCESS), "
     "file-backed too.",
     "S21 shows PAGE_READWRITE|PAGE_NOCACHE for a pagefile SEC_NOCACHE view; the same Mm path "
     "serves file views and write-combined sections."},
    {kViewTailBytes,
     "Bytes of a file view's last page past the end of the file read as zero and writes to "
     "them never reach the file.",
     "The page is mapped whole (RegionSize is page-rounded) but the file ends earlier; the "
     "cache manager never writes past the end of file."},
    {kSemaphoreParameters,
     "CreateSemaphore with maximum <= 0, initial < 0 or initial > maximum fails "
     "ERROR_INVALID_PARAMETER.",
     "CreateSemaphore docs state the ranges; NtCreateSemaphore returns "
     "STATUS_INVALID_PARAMETER -> 87."},
    {kFilePaths,
     "File names are case-insensitive, '/' equals '\\', '.' components and trailing dots or "
     "spaces are dropped; a path into a missing subfolder fails ERROR_PATH_NOT_FOUND, the empty "
     "path ERROR_PATH_NOT_FOUND, the case folder itself ERROR_ACCESS_DENIED, characters "
     "<>:\"|?* and controls ERROR_INVALID_NAME, a component over 255 characters "
     "ERROR_INVALID_NAME. Device names (NUL, CON) are ordinary file names here.",
     "Win32 path normalization on NTFS; cases cannot create subfolders."},
    {kCreateFileParameters,
     "CreateFile with a disposition outside 1..5 or share bits outside 0x7 fails "
     "ERROR_INVALID_PARAMETER; TRUNCATE_EXISTING without GENERIC_WRITE or FILE_WRITE_DATA "
     "fails ERROR_INVALID_PARAMETER; FILE_FLAG_DELETE_ON_CLOSE adds DELETE to the access.",
     "kernel32 CreateFileW validates these before NtCreateFile (Wine, ReactOS, docs)."},
    {kShareAccess,
     "Sharing is checked the NT way (IoCheckShareAccess over read/write/delete access of the "
     "file's open handles) and only while a handle is open; a section holds no share access "
     "of its own. (Asserted, no longer part of this choice: a writable data section fails "
     "every open that does not share write, access 0 included, "
     "spec:G2; the share check comes before the "
     "overwrite of a mapped file, spec:file-access.copy-over-mapped-file-sharing-first.)",
     "1G: after the file handle is closed, any open succeeds on a read-only data mapping (G1): "
     "share access is released at cleanup. The kept-aside row G2 is the PAGE_READWRITE line of "
     "the same test; NT's IoCheckShareAccess refuses a non-write-sharing open while the file "
     "has user-writable references (MmDoesFileHaveUserWritableReferences), which a writable "
     "section is."},
    {kDeletePending,
     "When a FILE_FLAG_DELETE_ON_CLOSE handle closes, the file is delete-pending (as after "
     "FileDispositionInformation, whose refusal of new opens with ERROR_ACCESS_DENIED is "
     "asserted: spec:file-access.delete-pending-open-denied) and it leaves the folder once no "
     "handle is open; sections keep its contents.",
     "STATUS_DELETE_PENDING -> ERROR_ACCESS_DENIED; NTFS removes the name at the last cleanup."},
    {kReadOnlyAttribute,
     "A file created with FILE_ATTRIBUTE_READONLY (CREATE_ALWAYS sets the attributes again) is "
     "read-only: CREATE_ALWAYS and TRUNCATE_EXISTING of it and creating it delete-on-close "
     "fail ERROR_ACCESS_DENIED; the handle that creates it keeps its rights. (Asserted, no "
     "longer part of this choice: opens for write and DELETE_ON_CLOSE opens fail "
     "ERROR_ACCESS_DENIED, DELETE opens work, spec:sharing.read-only-file-access.)",
     "CreateFile docs (CREATE_ALWAYS: \"if the specified file exists and is writable\"; "
     "FILE_ATTRIBUTE_READONLY: applications cannot write to or delete the file); NTFS answers "
     "STATUS_ACCESS_DENIED / STATUS_CANNOT_DELETE. Found by fuzz_differential (Wine agrees)."},
    {kReadFileEof,
     "ReadFile at an offset exactly at the end of file fails ERROR_HANDLE_EOF (length 0 "
     "succeeds); a read that starts inside the file returns the bytes up to the end. (An "
     "offset past the end is asserted: spec:file-access.read-past-end-handle-eof.)",
     "The Api passes the offset in an OVERLAPPED; kernel32 ReadFile reports STATUS_END_OF_FILE "
     "as ERROR_HANDLE_EOF when an OVERLAPPED is given."},
    {kFileOffsets,
     "WriteFile offset 0xFFFFFFFFFFFFFFFF appends at the end of file; offset "
     "0xFFFFFFFFFFFFFFFE (both calls) uses the file pointer; other offsets >= 2^63 fail "
     "ERROR_INVALID_PARAMETER; a synchronous transfer moves the file pointer past the bytes "
     "transferred. A step is a whole transfer: through a FILE_FLAG_OVERLAPPED handle the "
     "native backend waits for one that answers ERROR_IO_PENDING (GetOverlappedResult).",
     "FILE_WRITE_TO_END_OF_FILE / FILE_USE_FILE_POINTER_POSITION of NtWriteFile/NtReadFile; "
     "negative byte offsets are STATUS_INVALID_PARAMETER."},
    {kNegativeSeek,
     "SetFileSize with a size >= 2^63 fails ERROR_NEGATIVE_SEEK (131) without moving the "
     "file pointer.",
     "SetFilePointerEx refuses a negative position with ERROR_NEGATIVE_SEEK."},
    {kGrownBytesZero,
     "Bytes added by growing a file through WriteFile past the end or CreateFileMapping growth "
     "read as zero (SetEndOfFile growth is asserted: spec:file-access.grown-bytes-zero).",
     "H11 says grown bytes are not guaranteed zero; NTFS zeroes them (valid data length), and "
     "zero is the only deterministic answer."},
    {kFileSizeAccess, "GetFileSizeEx works on a file handle of any access, including 0.",
     "NtQueryInformationFile(FileStandardInformation) needs no access right."},
    {kViewOffsetPastEnd,
     "MapViewOfFile at an aligned offset at or after the end of the section fails "
     "ERROR_ACCESS_DENIED, as a view that ends past it does.",
     "D55 records STATUS_INVALID_VIEW_SIZE (-> ERROR_ACCESS_DENIED) for a view past the end; H14: "
     "'All bytes must be within the maximum size'. A view starting past the end is not "
     "recorded; Wine 8.0 returns ERROR_INVALID_PARAMETER (found by the differential properties)."},
    {kEndOfFileAccess,
     "SetEndOfFile (and SetFileSize) through a file handle without FILE_WRITE_DATA fails "
     "ERROR_ACCESS_DENIED.",
     "SetEndOfFile's documentation requires GENERIC_WRITE; NtSetInformationFile("
     "FileEndOfFileInformation) needs FILE_WRITE_DATA. Not in the spec; Wine 8.0 resizes the "
     "file anyway (found by the differential properties)."},
};

}  // namespace

std::span<const InferredChoice> inferred_choices() { return kChoices; }

const InferredChoice* find_inferred(std::string_view id) {
  for (const auto& choice : kChoices) {
    if (choice.id == id) return &choice;
  }
  return nullptr;
}

}  // namespace fmconf
