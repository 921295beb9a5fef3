// Unversioned wrappers over the system ICU; see include/cicu_shim.h.
#include "cicu_shim.h"
#include <unicode/utypes.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/utrans.h>
#include <unicode/ucol.h>
#include <unicode/uspoof.h>
#include <unicode/uscript.h>
#include <unicode/uloc.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uversion.h>
#include <string.h>

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void cicu_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH + 1];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(buffer, text, (size_t)capacity - 1);
        buffer[capacity - 1] = 0;
    }
}

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *err) {
    switch (form) {
    case 0: return unorm2_getNFCInstance(err);
    case 1: return unorm2_getNFDInstance(err);
    case 2: return unorm2_getNFKCInstance(err);
    case 3: return unorm2_getNFKDInstance(err);
    case 4: return unorm2_getNFKCCasefoldInstance(err);
    default: *err = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
    }
}

int32_t cicu_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    int32_t result = 0;
    if (U_SUCCESS(err)) result = unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &err);
    *status = err;
    return result;
}

int32_t cicu_normalize_quick_check(int32_t form, const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    int32_t result = 0;
    if (U_SUCCESS(err)) result = (int32_t)unorm2_quickCheck(n, (const UChar *)src, length, &err);
    *status = err;
    return result;
}

int32_t cicu_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = normalizer(form, &err);
    int32_t result = 0;
    if (U_SUCCESS(err)) result = unorm2_isNormalized(n, (const UChar *)src, length, &err) ? 1 : 0;
    *status = err;
    return result;
}

int32_t cicu_fold_case(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t result = u_strFoldCase((UChar *)dest, capacity, (const UChar *)src, length, U_FOLD_CASE_DEFAULT, &err);
    *status = err;
    return result;
}

int32_t cicu_to_upper(const char *locale, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t result = u_strToUpper((UChar *)dest, capacity, (const UChar *)src, length, locale, &err);
    *status = err;
    return result;
}

int32_t cicu_to_lower(const char *locale, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t result = u_strToLower((UChar *)dest, capacity, (const UChar *)src, length, locale, &err);
    *status = err;
    return result;
}

void *cicu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *it = ubrk_open((UBreakIteratorType)kind, locale, (const UChar *)text, length, &err);
    *status = err;
    if (U_FAILURE(err)) {
        if (it) ubrk_close(it);
        return NULL;
    }
    return it;
}

void cicu_break_set_text(void *iterator, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText((UBreakIterator *)iterator, (const UChar *)text, length, &err);
    *status = err;
}

int32_t cicu_break_next(void *iterator) { return ubrk_next((UBreakIterator *)iterator); }
int32_t cicu_break_first(void *iterator) { return ubrk_first((UBreakIterator *)iterator); }
int32_t cicu_break_rule_status(void *iterator) { return ubrk_getRuleStatus((UBreakIterator *)iterator); }
void cicu_break_close(void *iterator) { if (iterator) ubrk_close((UBreakIterator *)iterator); }

int32_t cicu_break_fill(void *iterator, int32_t *offsets, int32_t *statuses, int32_t capacity) {
    UBreakIterator *it = (UBreakIterator *)iterator;
    int32_t n = 0;
    while (n < capacity) {
        int32_t next = ubrk_next(it);
        if (next == UBRK_DONE) break;
        offsets[n] = next;
        statuses[n] = ubrk_getRuleStatus(it);
        n++;
    }
    return n;
}

int32_t cicu_utf8_to_utf16(const uint8_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t written = 0;
    u_strFromUTF8WithSub((UChar *)dest, capacity, &written, (const char *)src, length, 0xFFFD, NULL, &err);
    *status = err;
    return written;
}

void *cicu_translit_open(const uint16_t *id, int32_t id_length, const uint16_t *rules, int32_t rules_length,
                         int32_t direction, int32_t *parse_line, int32_t *parse_offset, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UParseError parse;
    memset(&parse, 0, sizeof parse);
    UTransliterator *t = utrans_openU((const UChar *)id, id_length, direction == 0 ? UTRANS_FORWARD : UTRANS_REVERSE,
                                      (const UChar *)rules, rules ? rules_length : 0, &parse, &err);
    *status = err;
    if (parse_line) *parse_line = parse.line;
    if (parse_offset) *parse_offset = parse.offset;
    if (U_FAILURE(err)) {
        if (t) utrans_close(t);
        return NULL;
    }
    return t;
}

void cicu_translit_run(void *translit, uint16_t *text, int32_t *length, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)translit, (UChar *)text, length, capacity, 0, &limit, &err);
    *status = err;
}

void cicu_translit_close(void *translit) { if (translit) utrans_close((UTransliterator *)translit); }

// Joins the strings of an enumeration with U+000A into dest; returns the full length.
static int32_t join_enumeration(UEnumeration *e, uint16_t *dest, int32_t capacity, UErrorCode *err) {
    int32_t total = 0;
    int32_t length = 0;
    const UChar *s;
    int first = 1;
    while (U_SUCCESS(*err) && (s = uenum_unext(e, &length, err)) != NULL) {
        if (!first) {
            if (total < capacity) dest[total] = 0x0A;
            total++;
        }
        first = 0;
        for (int32_t i = 0; i < length; i++, total++) {
            if (total < capacity) dest[total] = s[i];
        }
    }
    if (U_SUCCESS(*err) && total > capacity) *err = U_BUFFER_OVERFLOW_ERROR;
    return total;
}

int32_t cicu_translit_ids(uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UEnumeration *e = utrans_openIDs(&err);
    int32_t total = 0;
    if (U_SUCCESS(err)) total = join_enumeration(e, dest, capacity, &err);
    if (e) uenum_close(e);
    *status = err;
    return total;
}

void *cicu_collator_open(const char *locale, int32_t strength, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCollator *c = ucol_open(locale, &err);
    if (U_SUCCESS(err) && strength >= 0) ucol_setStrength(c, (UCollationStrength)strength);
    *status = err;
    if (U_FAILURE(err)) {
        if (c) ucol_close(c);
        return NULL;
    }
    return c;
}

int32_t cicu_collator_compare(void *collator, const uint16_t *a, int32_t a_length, const uint16_t *b, int32_t b_length) {
    return (int32_t)ucol_strcoll((const UCollator *)collator, (const UChar *)a, a_length, (const UChar *)b, b_length);
}

int32_t cicu_collator_sort_key(void *collator, const uint16_t *src, int32_t length, uint8_t *dest, int32_t capacity) {
    return ucol_getSortKey((const UCollator *)collator, (const UChar *)src, length, dest, capacity);
}

void cicu_collator_close(void *collator) { if (collator) ucol_close((UCollator *)collator); }

void *cicu_spoof_open(int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&err);
    if (U_SUCCESS(err)) {
        uspoof_setChecks(sc, USPOOF_ALL_CHECKS & ~USPOOF_CHAR_LIMIT, &err);
        uspoof_setRestrictionLevel(sc, USPOOF_MODERATELY_RESTRICTIVE);
    }
    *status = err;
    if (U_FAILURE(err)) {
        if (sc) uspoof_close(sc);
        return NULL;
    }
    return sc;
}

int32_t cicu_spoof_check(void *checker, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t result = uspoof_check((const USpoofChecker *)checker, (const UChar *)text, length, NULL, &err);
    *status = err;
    return result;
}

int32_t cicu_spoof_skeleton(void *checker, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t result = uspoof_getSkeleton((const USpoofChecker *)checker, 0, (const UChar *)text, length, (UChar *)dest, capacity, &err);
    *status = err;
    return result;
}

int32_t cicu_spoof_are_confusable(void *checker, const uint16_t *a, int32_t a_length, const uint16_t *b, int32_t b_length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t result = uspoof_areConfusable((const USpoofChecker *)checker, (const UChar *)a, a_length, (const UChar *)b, b_length, &err);
    *status = err;
    return result;
}

void cicu_spoof_close(void *checker) { if (checker) uspoof_close((USpoofChecker *)checker); }

int32_t cicu_script(int32_t codepoint) {
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &err);
    return U_SUCCESS(err) ? (int32_t)code : -1;
}

const char *cicu_script_code(int32_t script) { return uscript_getShortName((UScriptCode)script); }

int32_t cicu_word_break(int32_t codepoint) { return u_getIntPropertyValue((UChar32)codepoint, UCHAR_WORD_BREAK); }

int32_t cicu_region_count(void) {
    const char *const *codes = uloc_getISOCountries();
    int32_t n = 0;
    while (codes[n] != NULL) n++;
    return n;
}

const char *cicu_region_code(int32_t index) { return uloc_getISOCountries()[index]; }

int32_t cicu_region_name(const char *region, const char *display_locale, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    char locale[16] = "und_";
    strncat(locale, region, sizeof locale - 5);
    int32_t result = uloc_getDisplayCountry(locale, display_locale, (UChar *)dest, capacity, &err);
    *status = err;
    return result;
}

int32_t cicu_zone_ids(const char *region, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UEnumeration *e = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, region, NULL, &err);
    int32_t total = 0;
    if (U_SUCCESS(err)) total = join_enumeration(e, dest, capacity, &err);
    if (e) uenum_close(e);
    *status = err;
    return total;
}

int32_t cicu_zone_city(const uint16_t *zone, int32_t zone_length, const char *locale, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    static const UChar pattern[] = {'V', 'V', 'V', 0};
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, (const UChar *)zone, zone_length, pattern, 3, &err);
    int32_t result = 0;
    if (U_SUCCESS(err)) result = udat_format(f, 0.0, (UChar *)dest, capacity, NULL, &err);
    if (f) udat_close(f);
    *status = err;
    return result;
}

