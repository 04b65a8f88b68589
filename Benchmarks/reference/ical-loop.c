/*
 * The speed reference for `almanac feed`: a plain C program that reads the benchmark's CSV
 * activity log and writes the same feed through libical, one VEVENT at a time, on one core.
 *
 *   ical-loop LOG.csv OUT.ics
 *
 * Each row becomes a VEVENT with the properties Almanac writes (UID, DTSTAMP, DTSTART,
 * DTEND, SUMMARY, DESCRIPTION, LOCATION, GEO, CATEGORIES, URL, STATUS, RRULE, TRANSP, CLASS,
 * SEQUENCE, CREATED, LAST-MODIFIED), built as its own small libical tree, serialised with
 * icalcomponent_as_ical_string, written and freed. It knows only the benchmark's columns and
 * cities (a six-city table stands in for the gazetteer) and checks nothing: it is the floor
 * that libical itself sets, not a product.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ID, TITLE, START, END, START_TIME, END_TIME, TIMEZONE, CITY, COUNTRY, CATEGORY, ORGANISATIONS, URL,
       DESCRIPTION, REPEAT, COLUMNS };

static const struct { const char *city; double latitude, longitude; } places[] = {
    {"Sarajevo", 43.8486, 18.3564}, {"Skopje", 41.9965, 21.4314}, {"Tirana", 41.3274, 19.8187},
    {"Podgorica", 42.4411, 19.2636}, {"Belgrade", 44.8040, 20.4651}, {"Brussels", 50.8505, 4.3488},
};

/* Reads one RFC 4180 record into fields (NUL-terminated, in buffer); returns the number of fields, 0 at EOF. */
static int read_record(FILE *in, char **fields, char **buffer, size_t *capacity) {
    size_t length = 0;
    int count = 0, quoted = 0, c;
    int field_start = 1;
    size_t starts[COLUMNS + 1];
    if ((c = getc(in)) == EOF) return 0;
    ungetc(c, in);
    starts[0] = 0;
    for (;;) {
        c = getc(in);
        if (length + 2 >= *capacity) {
            *capacity *= 2;
            *buffer = realloc(*buffer, *capacity);
        }
        if (quoted) {
            if (c == EOF) break;
            if (c == '"') {
                int next = getc(in);
                if (next == '"') { (*buffer)[length++] = '"'; continue; }
                quoted = 0;
                if (next != EOF) ungetc(next, in);
                continue;
            }
            (*buffer)[length++] = (char)c;
            continue;
        }
        if (c == '"' && field_start) { quoted = 1; field_start = 0; continue; }
        if (c == ',' || c == '\n' || c == EOF) {
            (*buffer)[length++] = '\0';
            count++;
            if (c != ',' || count == COLUMNS) {
                if (c == ',') while ((c = getc(in)) != '\n' && c != EOF) {}
                break;
            }
            starts[count] = length;
            field_start = 1;
            continue;
        }
        if (c == '\r') continue;
        field_start = 0;
        (*buffer)[length++] = (char)c;
    }
    for (int i = 0; i < count; i++) fields[i] = *buffer + starts[i];
    for (int i = count; i < COLUMNS; i++) fields[i] = "";
    return count;
}

static struct icaltimetype date_of(const char *text, const char *time) {
    struct icaltimetype value = icaltime_null_time();
    int year, month, day, hour = 0, minute = 0;
    sscanf(text, "%d-%d-%d", &year, &month, &day);
    value.year = year; value.month = month; value.day = day;
    if (time && *time) { sscanf(time, "%d:%d", &hour, &minute); value.hour = hour; value.minute = minute; }
    else value.is_date = 1;
    return value;
}

static icalproperty *with_tzid(icalproperty *property, const char *tzid) {
    if (tzid && *tzid) icalproperty_add_parameter(property, icalparameter_new_tzid(tzid));
    return property;
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: ical-loop LOG.csv OUT.ics\n"); return 2; }
    FILE *in = fopen(argv[1], "r"), *out = fopen(argv[2], "w");
    if (!in || !out) { perror("ical-loop"); return 1; }
    icalerror_set_errors_are_fatal(0);
    struct icaltimetype stamp = icaltime_from_timet_with_zone(1707955200, 0, icaltimezone_get_utc_timezone());

    icalcomponent *calendar = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar, icalproperty_new_prodid("-//Almanac//benchmark reference//EN"));
    icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalcomponent_add_property(calendar, icalproperty_new_name("Bench"));
    const char *zones[] = {"Europe/Sarajevo", "Europe/Brussels", "Europe/Belgrade", "Europe/Chisinau"};
    for (int i = 0; i < 4; i++) {
        icaltimezone *zone = icaltimezone_get_builtin_timezone(zones[i]);
        if (zone) icalcomponent_add_component(calendar, icalcomponent_new_clone(icaltimezone_get_component(zone)));
    }
    char *header = icalcomponent_as_ical_string_r(calendar);
    char *end = strstr(header, "END:VCALENDAR");
    if (end) *end = '\0';
    fputs(header, out);
    free(header);
    icalcomponent_free(calendar);

    size_t capacity = 4096;
    char *buffer = malloc(capacity);
    char *fields[COLUMNS];
    char text[512];
    long events = 0;
    read_record(in, fields, &buffer, &capacity); /* the header row */
    while (read_record(in, fields, &buffer, &capacity) > 0) {
        const char *tzid = fields[TIMEZONE];
        icalcomponent *event = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        snprintf(text, sizeof text, "%s@bench.example.org", fields[ID]);
        icalcomponent_add_property(event, icalproperty_new_uid(text));
        icalcomponent_add_property(event, icalproperty_new_dtstamp(stamp));
        struct icaltimetype start = date_of(fields[START], fields[START_TIME]);
        icalcomponent_add_property(event, with_tzid(icalproperty_new_dtstart(start), tzid));
        struct icaltimetype finish;
        if (*fields[START_TIME]) finish = date_of(fields[START], fields[END_TIME]);
        else {
            finish = date_of(*fields[END] ? fields[END] : fields[START], NULL);
            icaltime_adjust(&finish, 1, 0, 0, 0);
        }
        icalcomponent_add_property(event, with_tzid(icalproperty_new_dtend(finish), tzid));
        icalcomponent_add_property(event, icalproperty_new_summary(fields[TITLE]));
        icalcomponent_add_property(event, icalproperty_new_description(fields[DESCRIPTION]));
        snprintf(text, sizeof text, "%s, %s", fields[CITY], fields[COUNTRY]);
        icalcomponent_add_property(event, icalproperty_new_location(text));
        for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
            if (strcmp(places[i].city, fields[CITY]) == 0) {
                struct icalgeotype geo = {places[i].latitude, places[i].longitude};
                icalcomponent_add_property(event, icalproperty_new_geo(geo));
            }
        }
        icalcomponent_add_property(event, icalproperty_new_categories(fields[CATEGORY]));
        icalcomponent_add_property(event, icalproperty_new_url(fields[URL]));
        icalcomponent_add_property(event, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
        if (*fields[REPEAT]) {
            struct icalrecurrencetype rule = icalrecurrencetype_from_string(fields[REPEAT]);
            icalcomponent_add_property(event, icalproperty_new_rrule(rule));
        }
        icalcomponent_add_property(event, icalproperty_new_transp(*fields[START_TIME] ? ICAL_TRANSP_OPAQUE : ICAL_TRANSP_TRANSPARENT));
        icalcomponent_add_property(event, icalproperty_new_class(ICAL_CLASS_PUBLIC));
        icalcomponent_add_property(event, icalproperty_new_sequence(0));
        icalcomponent_add_property(event, icalproperty_new_created(stamp));
        icalcomponent_add_property(event, icalproperty_new_lastmodified(stamp));
        char *serialized = icalcomponent_as_ical_string_r(event);
        fputs(serialized, out);
        free(serialized);
        icalcomponent_free(event);
        events++;
    }
    fputs("END:VCALENDAR\r\n", out);
    free(buffer);
    fclose(in);
    if (fclose(out) != 0) { perror("ical-loop"); return 1; }
    fprintf(stderr, "%ld events\n", events);
    return 0;
}
