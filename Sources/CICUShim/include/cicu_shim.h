// Unversioned wrappers over the system ICU for Swift.
//
// This header deliberately uses no ICU type: only fixed-width integers, `char`
// and opaque pointers. Swift cannot call ICU's version-renamed functions
// (`ubrk_open` is a macro for `ubrk_open_72`), and a Swift module that saw ICU's
// own types could not import Foundation as well (Foundation carries its own ICU).
// Every status argument receives an ICU `UErrorCode` value (0 = success,
// negative = warning, positive = failure); `cicu_error_name` names it.
#ifndef CICU_SHIM_H
#define CICU_SHIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: Errors and version
const char *cicu_error_name(int32_t status);
/// Writes ICU's version ("72.1") into `buffer` (at least 20 bytes).
void cicu_version(char *buffer, int32_t capacity);

// MARK: Normalization (form: 0 NFC, 1 NFD, 2 NFKC, 3 NFKD, 4 NFKC_Casefold)
int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length,
                       uint16_t *dest, int32_t capacity, int32_t *status);
/// 0 = no, 1 = yes, 2 = maybe (UNormalizationCheckResult).
int32_t cicu_normalize_quick_check(int32_t form, const uint16_t *src, int32_t length, int32_t *status);
int32_t cicu_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *status);

// MARK: Case
/// Full default case folding (ß → ss), u_strFoldCase.
int32_t cicu_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);
int32_t cicu_to_upper(const char *locale, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);
int32_t cicu_to_lower(const char *locale, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: Break iteration (kind: 0 character, 1 word, 2 line, 3 sentence)
void *cicu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length, int32_t *status);
void cicu_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status);
/// The next boundary, or -1 when done (UBRK_DONE).
int32_t cicu_break_next(void *iterator);
int32_t cicu_break_first(void *iterator);
int32_t cicu_break_rule_status(void *iterator);
void cicu_break_close(void *iterator);
/// Fills up to `capacity` following boundaries and their rule statuses; returns how many
/// (0 when the text is done). Continues from the iterator's current position.
int32_t cicu_break_fill(void *iterator, int32_t *offsets, int32_t *statuses, int32_t capacity);

// MARK: UTF-8 → UTF-16
/// Converts UTF-8 to UTF-16 (u_strFromUTF8WithSub, invalid bytes become U+FFFD); returns
/// the full length (which may exceed capacity).
int32_t cicu_utf8_to_utf16(const uint8_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: Transliteration (direction: 0 forward, 1 reverse)
/// `rules` may be NULL for a built-in ID. On a rule syntax error, `parse_line`
/// and `parse_offset` receive ICU's UParseError position.
void *cicu_translit_open(const uint16_t *id, int32_t id_length, const uint16_t *rules, int32_t rules_length,
                         int32_t direction, int32_t *parse_line, int32_t *parse_offset, int32_t *status);
/// Transliterates `text[0..<*length]` in place; `*length` receives the new length.
/// Fails with U_BUFFER_OVERFLOW_ERROR when the result needs more than `capacity` units.
void cicu_translit_run(void *translit, uint16_t *text, int32_t *length, int32_t capacity, int32_t *status);
void cicu_translit_close(void *translit);
/// All registered transliterator IDs, joined by U+000A; returns the full length.
int32_t cicu_translit_ids(uint16_t *dest, int32_t capacity, int32_t *status);

// MARK: Collation
/// strength: -1 default, 0 primary, 1 secondary, 2 tertiary, 3 quaternary, 15 identical.
void *cicu_collator_open(const char *locale, int32_t strength, int32_t *status);
/// -1, 0 or 1.
int32_t cicu_collator_compare(void *collator, const uint16_t *a, int32_t a_length, const uint16_t *b, int32_t b_length);
/// Writes a sort key; returns its full length (which may exceed capacity).
int32_t cicu_collator_sort_key(void *collator, const uint16_t *src, int32_t length, uint8_t *dest, int32_t capacity);
void cicu_collator_close(void *collator);

// MARK: Spoof checking
/// Checks: USPOOF_ALL_CHECKS with the restriction level "moderately restrictive".
void *cicu_spoof_open(int32_t *status);
/// Returns a bitmask of failed checks (USpoofChecks values), 0 when clean.
int32_t cicu_spoof_check(void *checker, const uint16_t *text, int32_t length, int32_t *status);
int32_t cicu_spoof_skeleton(void *checker, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);
/// Bitmask of USPOOF_SINGLE_SCRIPT_CONFUSABLE | MIXED | WHOLE, 0 when not confusable.
int32_t cicu_spoof_are_confusable(void *checker, const uint16_t *a, int32_t a_length, const uint16_t *b, int32_t b_length, int32_t *status);
void cicu_spoof_close(void *checker);

// MARK: Scripts
/// UScriptCode of a code point (0 Common, 1 Inherited, 8 Cyrillic, 25 Latin, ...).
int32_t cicu_script(int32_t codepoint);
/// Short ISO 15924 code of a script ("Latn", "Cyrl").
const char *cicu_script_code(int32_t script);

// MARK: Character properties
/// The Word_Break property (UAX #29) of a code point: a UWordBreakValues value
/// (0 Other, 1 ALetter, 2 Format, ... 22 WSegSpace).
int32_t cicu_word_break(int32_t codepoint);

// MARK: Locale data (CLDR through ICU)
/// Number of ISO 3166 region codes ICU knows; `cicu_region_code` returns the i-th.
int32_t cicu_region_count(void);
const char *cicu_region_code(int32_t index);
/// Display name of region `region` ("DE") in `display_locale` ("de").
int32_t cicu_region_name(const char *region, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status);
/// Canonical location time zone IDs ("Europe/Moscow") of `region` ("RU"; NULL for all),
/// joined by U+000A; returns the full length.
int32_t cicu_zone_ids(const char *region, uint16_t *dest, int32_t capacity, int32_t *status);
/// The exemplar city of `zone` in `locale` (CLDR, pattern "VVV").
int32_t cicu_zone_city(const uint16_t *zone, int32_t zone_length, const char *locale, uint16_t *dest, int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
