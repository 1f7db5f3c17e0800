"""The facts a generated case rests on beyond the rows its group module names.

Each entry: a pattern of case ids and the fact ids (corpus/facts) to add to those cases' rows.
Most are the inferred or derived facts behind a case a group module wrote with table rows only
(an `hFile` of another type rests on `handles.wrong-type`, not just on N25); others are the
prose rules of the spec (§3-§5) a case exercises. The case's provenance kind is computed from all
its rows (gen.case.provenance), so a pattern here can only make a kind weaker, never stronger,
unless the added fact is itself the stronger evidence (a quoted document).
"""
import re

GROUNDS = [
    # §4 handle edge cases
    (r"^(seed/hfile-null-|handles/hfile-null-)", ["handles.null-file"]),
    (r"^handles/hfile-current-process-", ["handles.current-process"]),
    (r"^handles/hfile-invalid-handle-value-", ["handles.pagefile-size-positive"]),
    (r"^(seed/security-attributes-inherit|handles/inherit-true)$", ["handles.inherit-flag"]),
    (r"^handles/(hfile-current-thread-handle|hfile-(event|mutex|semaphore|mapping)-handle|"
     r"mapview-(file|event)-handle|n33-file-call-on-mapping-handle)$", ["handles.wrong-type"]),
    (r"^handles/(hfile-closed-file-handle|hfile-garbage-value|close-stale-handle|"
     r"mapview-closed-mapping-handle)$", ["handles.closed-or-garbage"]),
    (r"^handles/file-handle-closed-after-mapping$", ["handles.file-closed-after-create"]),
    (r"^handles/hfile-duplicate-", ["handles.reduced-access-duplicates"]),
    # §3 names
    (r"^names/n3-case-sensitive$", ["names.case-sensitive"]),
    (r"^names/lowercase-local-keyword$", ["names.case-sensitive"]),
    (r"^names/(n6-n7-n8-local-prefix-read-handle|n32-local-and-unprefixed-are-one-namespace)$",
     ["names.local-prefix"]),
    (r"^names/global-prefix$", ["names.global-needs-privilege", "names.global-error-unknown"]),
    (r"^names/session-prefix$", ["names.session-prefix-reserved"]),
    (r"^names/backslash-in-name$", ["names.inner-backslash"]),
    (r"^names/leading-backslash$", ["names.leading-backslash"]),
    (r"^names/empty-name-is-unnamed$", ["names.empty-create"]),
    (r"^names/open-empty-name$", ["names.empty-open"]),
    (r"^names/long-name-a-", ["names.a-variant-max-path"]),
    (r"^names/long-name-w-", ["names.w-length-limit", "names.nt-length-limits"]),
    (r"^names/(a-unmappable-becomes-question-mark|non-ascii-w)$", ["names.non-ascii"]),
    (r"^names/n25-open-mapping-on-", ["names.type-collision-open"]),
    (r"^names/reopen-pagefile-size-", ["names.reopen-pagefile-size-zero"]),
    (r"^names/reopen-with-page-", ["names.reopen-weaker-protect"]),
    (r"^names/n5-open-other-case-not-found$", ["names.open-missing"]),
    (r"^names/n22-n23-third-create-exists$", ["errors.object-name-exists"]),
    (r"^lifetime/(n13|n14|n15|n16)-", ["names.lifetime"]),
    (r"^lifetime/file-view-outlives-file-and-mapping-handles$", ["names.views-keep-object"]),
    # §5 sizes and attributes
    (r"^(protect/file-sec-image-0x(04|40)|views/image-page-(execute-)?readwrite-on-read-execute-handle)$",
     ["sec-flags.image-write-protection"]),
    (r"^protect/pagefile-sec-image-0x([0-9a-f]{2})$", ["sec-flags.pagefile-image-check-order"]),
    (r"^sec-flags/sec-large-pages-commit-", ["sizes.large-pages-privilege"]),
    (r"^sec-flags/sec-reserve-view-faults$", ["sec-flags.reserve-view-faults"]),
    (r"^sec-flags/sec-writecombine-view-protection$", ["sec-flags.writecombine-view-protection"]),
    (r"^sizes/pagefile-reserve-size-", ["sizes.pagefile-reserve-huge"]),
    (r"^sizes/pagefile-huge-commit", ["sizes.commit-limit"]),
    (r"^sizes/(pagefile-reserve|file-readonly)-size-10000000", ["sizes.beyond-4gb"]),
    (r"^sizes/s1-s2-empty-file-grows-", ["sizes.write-protection-grows-file"]),
    (r"^sizes/s9-section-smaller-than-file$", ["sizes.smaller-than-file"]),
    (r"^sizes/file-readonly-size-", ["sizes.other-protections-larger-than-file"]),
    (r"^views/offset-past-end-", ["sizes.view-beyond-section"]),
    (r"^views/mapviewofex-reuse-freed-base$", ["views.reuse-freed-base"]),
    (r"^sharing/shared-file-view-writes-visible$", ["sharing.views-coherent"]),
    # §0 conventions: the fresh-creation rule behind N1's last error
    (r"^names/n1-n2-create-then-recreate$", ["general.fresh-create-sets-success"]),
]

_COMPILED = [(re.compile(p), facts) for p, facts in GROUNDS]


def grounds(case_id):
    """The fact ids GROUNDS adds to the case `case_id`, in table order."""
    out = []
    for pattern, facts in _COMPILED:
        if pattern.search(case_id):
            out.extend(f for f in facts if f not in out)
    return out
