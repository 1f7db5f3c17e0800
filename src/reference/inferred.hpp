// THE ONE PLACE where the model answers a question the spec leaves open.
//
// corpus/facts records what Windows was seen (or documented) to do. Where it
// has no answer (its §7 open questions, UNTESTED rows, EITHER rows, and details no row covers),
// the model still has to answer. Every such answer is an entry here: an id, what the model does
// and why. Model code names the entry it relies on by its constant (`rely_on(inferred::k...)`),
// so a report can list exactly which inferred choices a case's results depend on.
#pragma once

#include <span>
#include <string_view>

namespace fmconf {

struct InferredChoice {
  std::string_view id;    // "inferred:hfile-null"
  std::string_view what;  // what the model does
  std::string_view why;   // the reasoning behind it
};

// Every inferred choice of the model, in a stable order.
std::span<const InferredChoice> inferred_choices();
// The entry with that id, or nullptr.
const InferredChoice* find_inferred(std::string_view id);

namespace inferred {
inline constexpr std::string_view kEitherValues = "inferred:either-values";
inline constexpr std::string_view kHfileNull = "inferred:hfile-null";
inline constexpr std::string_view kHfileWrongType = "inferred:hfile-wrong-type";
inline constexpr std::string_view kPagefileSizeZeroFirst = "inferred:pagefile-size-zero-first";
inline constexpr std::string_view kNameAfterCreation = "inferred:name-after-creation";
inline constexpr std::string_view kGrowOnlyWritable = "inferred:grow-only-writable";
inline constexpr std::string_view kMaximumSectionSize = "inferred:maximum-section-size";
inline constexpr std::string_view kCommitLimitError = "inferred:commit-limit-error";
inline constexpr std::string_view kLargePages = "inferred:large-pages";
inline constexpr std::string_view kProtectModifiers = "inferred:protect-modifiers";
inline constexpr std::string_view kNocacheWithWritecombine = "inferred:nocache-with-writecombine";
inline constexpr std::string_view kImageWithoutFileOrder = "inferred:image-without-file-order";
inline constexpr std::string_view kImageAttributes = "inferred:image-attributes";
inline constexpr std::string_view kImageFileAccess = "inferred:image-file-access";
inline constexpr std::string_view kImageLayout = "inferred:image-layout";
inline constexpr std::string_view kImageTruncate = "inferred:image-truncate";
inline constexpr std::string_view kSectionHandleAccess = "inferred:section-handle-access";
inline constexpr std::string_view kReopenAccess = "inferred:reopen-access";
inline constexpr std::string_view kAnsiNameLimit = "inferred:ansi-name-limit";
inline constexpr std::string_view kWideNameLimit = "inferred:wide-name-limit";
inline constexpr std::string_view kEmptyName = "inferred:empty-name";
inline constexpr std::string_view kSessionId = "inferred:session-id";
inline constexpr std::string_view kSessionPrefix = "inferred:session-prefix";
inline constexpr std::string_view kGlobalPrivilege = "inferred:global-privilege";
inline constexpr std::string_view kNamespaceLinks = "inferred:namespace-links";
inline constexpr std::string_view kOpenAccessCheck = "inferred:open-access-check";
inline constexpr std::string_view kOpenFileMapCopy = "inferred:open-file-map-copy";
inline constexpr std::string_view kHandleValues = "inferred:handle-values";
inline constexpr std::string_view kClosePseudoHandle = "inferred:close-pseudo-handle";
inline constexpr std::string_view kDuplicatePseudoHandle = "inferred:duplicate-pseudo-handle";
inline constexpr std::string_view kDuplicateAboveSource = "inferred:duplicate-above-source";
inline constexpr std::string_view kViewCheckOrder = "inferred:view-check-order";
inline constexpr std::string_view kViewBaseRange = "inferred:view-base-range";
inline constexpr std::string_view kAddressSpace = "inferred:address-space";
inline constexpr std::string_view kViewCacheModifiers = "inferred:view-cache-modifiers";
inline constexpr std::string_view kViewTailBytes = "inferred:view-tail-bytes";
inline constexpr std::string_view kSemaphoreParameters = "inferred:semaphore-parameters";
inline constexpr std::string_view kFilePaths = "inferred:file-paths";
inline constexpr std::string_view kCreateFileParameters = "inferred:create-file-parameters";
inline constexpr std::string_view kShareAccess = "inferred:share-access";
inline constexpr std::string_view kDeletePending = "inferred:delete-pending";
inline constexpr std::string_view kReadOnlyAttribute = "inferred:read-only-attribute";
inline constexpr std::string_view kReadFileEof = "inferred:readfile-eof";
inline constexpr std::string_view kFileOffsets = "inferred:file-offsets";
inline constexpr std::string_view kNegativeSeek = "inferred:negative-seek";
inline constexpr std::string_view kGrownBytesZero = "inferred:grown-bytes-zero";
inline constexpr std::string_view kFileSizeAccess = "inferred:file-size-access";
inline constexpr std::string_view kViewOffsetPastEnd = "inferred:view-offset-past-end";
inline constexpr std::string_view kEndOfFileAccess = "inferred:end-of-file-access";
inline constexpr std::string_view kTruncateAboveSection = "inferred:truncate-above-section";
}  // namespace inferred

}  // namespace fmconf
