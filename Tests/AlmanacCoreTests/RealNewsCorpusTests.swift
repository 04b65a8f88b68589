import Foundation
import Testing

@testable import AlmanacImport
@testable import AlmanacModel
@testable import AlmanacRecords

/// Real news items from organisations' public websites (`Fixtures/real-news/batchN.md`), each
/// with the values a person reads in it and the address it came from (`batchN.json`). Every
/// batch was frozen, with its truth table, before the importer was first run on it; the
/// blind scores are in the README. One test per item, so that a rule which fixes one item
/// and breaks another shows up as that item's failure.
@Suite struct RealNewsCorpusTests {
    struct Truth: Decodable, Sendable, CustomTestStringConvertible {
        var title: String
        var url: String
        var organisation: String
        var start: String?
        var end: String?
        var city: String?
        var country: String?
        /// False when the text gives no year for the activity's date: the right dates are then
        /// only ever a flagged guess (tentative, with a source-note), or a draft.
        var yearStated: Bool
        var batch = ""
        /// Its place in the batch.
        var index = 0

        var testDescription: String { "\(batch): \(title)" }

        enum CodingKeys: String, CodingKey { case title, url, organisation, start, end, city, country, yearStated }
    }

    /// An item the importer still gets wrong, and why; its test expects the miss, so fixing
    /// it fails the test until the item is taken off this list.
    static let knownMisses: [String: String] = [
        "Ambassador Sem Fabrizi Officially Handed the 2019 Serbia Report to the Prime Minister Ana Brnabic":
            "the text names no venue, and 'the Serbian Prime Minister' makes Serbia the assumed place (flagged), "
            + "where the truth names none",
        "Media and Communication Training for Kosovo Police":
            "the text names no venue, and 'Kosovo Police' makes Kosovo the assumed place (flagged), where the "
            + "truth names none (as it does for other items of the Kosovo Police's)",
        "OSCE Mission to Skopje supports police management training":
            "the country is only implied (the Mission's host's Ministry "
            + "of Interior, no country named): no place is written",
        "Mission to Skopje provided a training on problem-oriented policing":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "From June 11 to 13, a two-day workshop on the topic of Strengthening "
            + "Migration Management, Return process and Asylum is being held in Ohrid":
            "the title's span (11-13 June) wins over the text's start and stated two days (12-13 June)",
        "Ceremony to Mark the Completion of the Project “Building the Capacity of Members of "
            + "Police Forces in Bosnia and Herzegovina and Croatia for Performing Joint Patrols”":
            "'on the Croatian side of the border crossing' names the "
            + "country only as an adjective; the dateline's Sarajevo is taken",
        "The CEPEJ co-organises a regional workshop aimed at development "
            + "of a “Hub” dedicated to new technologies in justice systems":
            "Jahorina is not in the gazetteer",
        "Study Visit":
            "the visit is dated only by its dateline; the dates of the meeting whose programme included it win",
        "Christian Danielsson, Director General of DG NEAR, visited Serbia":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "445 new police officers are added to the Kosova Police":
            "'the President of Kosovo' makes Pristina the assumed venue (flagged tentative), where the text names none",
        "OSCE Mission supports transformation of Serbian police high school into training Centre":
            "the school 'in Sremska Kamenica' in the sentence of the date wins over the dateline's Belgrade",
        "OSCE, Serbian police to continue strategic partnership": "'head of OSCE in Serbia' is read as a place",
        "New officers to join Kosovo Correctional Services": "'Vushtrii' is misspelt; only the country is found",
        "EULEX Hosts Domestic Violence Seminar in North Mitrovica": "North Mitrovica is not in the gazetteer",
        "The KPCC Road to Success: Over Forty Thousand Property Cases Adjudicated":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "EULEX will continue cooperation with Kosovo":
            "'Minister of Justice of Kosovo' makes Pristina the assumed "
            + "venue (flagged tentative), where the text names none",
        "INTERPOL conference tackles global crime":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Fourth meeting of the Stability Pact Working Group on Regional Civilian "
            + "Police Training in South Eastern Europe: Chairmen's Conclusions":
            "'the Federal Police Academy in Bosnia and Herzegovina' "
            + "is read as the place; an academy is not a seat word",
        "Frontex and EU Advisory Mission enhance Ukrainian border security":
            "Palanca (a border crossing) is not in the gazetteer; no place is written",
        "EUBAM convenes 4th Arms Working Group meeting":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "The 3rd Vienna Migration Conference":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "ILEA has contributed to democratic transition of law enforcement agencies in Central Europe":
            "only 'The Budapest International Law Enforcement Academy' names the city; an academy's name is "
            + "not read as the venue",
        "Minister Poklukar and Police Chief Jušić express support for North Macedonia":
            "a visit to two cities (Gevgelija on 7 May, Ohrid on 8 May): the city of the first day's sentence is taken",
        "SEPCA General Assembly Held in Ohrid":
            "the publication date is printed '20042018', without separators, which is read as no date; "
            + "'addressed Thursday' is then undated, so the item is a draft",
        "General meeting of UNHCR, BMA with refugees and asylum seekers":
            "Moldova is named only in 'UNHCR Moldova' and 'refugees residing in the Republic of Moldova'",
        "Eurojust and Montenegro sign Cooperation Agreement":
            "'Minister of Justice of Montenegro' makes Montenegro the assumed place (flagged tentative); the "
            + "text names only 'a ceremony at the European Commission'",
        "Croatia and US mark anniversary of law enforcement cooperation project":
            "the span of the programme presented ('from May 7 to 11') holds the day of the presentation ('on "
            + "Monday'), and a span holding the relative day wins",
        "AEPTM/ PA PHR RC: Third cycle of training sessions according to Frontex standards":
            "the country is named only in 'the BiH Border Police'; no place is written",
        "OSCE Presence in Albania, Central Election Commission sign Memorandum of Understanding":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "UNODC hosts regional meeting for Cross-Border Cooperation Project Steering Committees":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Minister of Internal Affairs Alexandru Jizdan attends INTERPOL reunion in Abu Dhabi":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "EUCAP Sahel Mali adapts to the needs of the regions":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Jankulovska visited the new police training center in Idrizovo":
            "the title's 'the new police training center in Idrizovo' reads as an institution's seat, not the "
            + "venue, and the text names no other place; no place is written",
        "Three-day seminar for magistrates starts on Mount Kopaonik":
            "Kopaonik is not in the gazetteer; only the country, named in an institution's name, is written "
            + "(flagged)",
        "The Chinese Embassy in Sierra Leone donates media gadgets to the Sierra Leone Police":
            "Freetown is named only as the embassy's seat ('the Chinese Embassy in Freetown'); only Sierra Leone "
            + "is written",
        "China donates 22-seater bus to Uganda Police Force":
            "Kololo (a district of Kampala) is not in the gazetteer; only Uganda is written",
        "J. Bordans: closer cooperation in justice will help strengthen rule of law in Ukraine and Latvia":
            """
        no year in the text: the neighbouring item's year is taken and flagged tentative, but it is not the \
        real one; Kyiv, the capital of the other minister's country, is assumed where the text names only \
        Latvia
        """,
        "CONT mission to EUROPOL":
            """
        no year in the text: the neighbouring item's year is taken and flagged tentative, but it is not the real \
        one
        """,
        "Members of Parliament on a working visit to Eurojust and Europol":
            """
        no year in the text: the year of 'flight MH17 in 2014', in another paragraph, is taken for 'On \
        Monday, May 12' (flagged tentative), and it is not the real one
        """,
        "Training of Police on Domestic and Gender Based Violence in KRG":
            "Iraq is named only in a photo credit ('UNDP-Iraq 2014'); 'the KRG' is not read as a place",
        "KP Police, UNDP organize training on gender-based violence":
            """
        the dateline's day ('PESHAWAR, (UrduPoint / Pakistan Point News - 28th Nov, 2022 ) :') is taken, \
        flagged, for a training it reports as past, which has no date
        """,
        "SCOP 3.1 project carries out a series of workshops on border evaluation in Moldova":
            """
        workshops 'in different locations across the country' are given Chișinău, from 'a dedicated workshop \
        at Chisinau Airport'
        """,
        // Batch 11 (58 items, 56 websites), after its blind score.
        "OSCE consulting Turkmenistan and Afghanistan in border security":
            "the workshop is dated only 'in November 2018'; the item's own date (the dateline 'Nov. 30', "
            + "whose year the publication line gives) is taken for it, flagged, where the truth is a draft",
        "Brazzaville: INTERPOL African conference seeks to avert evolving continental crime":
            "the delegates 'gathered on Tuesday', and the dates the truth table takes are in a quoted "
            + "tweet and the organiser's release: no date the grammar reads as the activity's",
        "Conférence régionale d'Interpol : le Maroc représenté à Kigali":
            "no year in the text ('du 5 au 7 février', besides a founding's 'Fondée en 1962'): the items around it "
            + "are dated years apart, so it is a draft, where the truth takes a year from outside the text",
        "Justice Minister Artak Zeynalyan at the 10th anniversary of the Administrative Court":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "34th ASEAN Chiefs of Police (ASEANAPOL) Conference":
            "the venue is Pasay, which the text names only as 'Pasay City' in a hotel's address; Manila, "
            + "where the series was first held, is taken",
        "A meeting with diplomats was held":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text; the country is only implied",
        "Press Release by the Press Service of the Ministry of Internal Affairs":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Pentingnya Kerjasama Antara Organisasi Kepolisian, Kata Kapolri di Acara 37th ASEANAPOL":
            "Indonesian text: Singapore ('Singapura') is named only in office titles, not after a word "
            + "for 'in'",
        "Armenia takes part in ENCJ Lisbon assembly":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Agentes de AMIC Sonora reciben capacitación internacional en Colombia":
            "no year in the text, so a neighbouring item's is taken, flagged, and is not the real one; "
            + "the course's end ('y concluye el próximo 28 de mayo') is read, but 93 days after the start it is "
            + "beyond the 92 an end is taken within; San Luis is not in the gazetteer",
        "KOICA workshop for judges‚ officials":
            "no year in the text: another paragraph's year is taken and flagged, but it is not the "
            + "real one; Lalitpur is not in the gazetteer",
        "W.African police chiefs meet on regional security":
            "the meeting is 'in Nigeria' with no city; the city of the INTERPOL office the text "
            + "mentions (Abidjan) is taken",
        "IGP to host ECOWAS police, security chiefs":
            "no year in the text: a neighbouring item's year is taken and flagged tentative, but it "
            + "is not the real one",
        "Giorgi Mghebrishvili met with the Director of the Georgia Bureau of Investigation":
            "the Georgia Bureau of Investigation is in the US state of Georgia: the country is read "
            + "as Georgia",
        "IOM launches new phase of training for Georgian police officers":
            "the publication line 'Thursday, October 28' is taken over the dateline's 27 October, and "
            + "'until the end of November' stands in another sentence than the date",
        "CHIEF PROSECUTOR MEETS HEAD OF EU DELEGATION AND EU SPECIAL REPRESENTATIVE IN BIH":
            "the text gives the meeting no date; the publication date is taken, flagged, where the "
            + "truth is a draft",
        "A Sri Lankan Police Team also Went to Delhi During Anura's visit to India":
            "the text names Delhi, which the gazetteer knows apart from New Delhi, the truth table's "
            + "reading of the venue",
        "Delegados de 18 países crean Ameripol, policía continental":
            "Spanish text: the date grammar reads English month names only",
        "The seminar \"Career of a military and law enforcement officer\" was held within the framework of "
            + "the Tashkent Youth Forum":
            "the city is named only in the name of a forum",
        "Police Senior Command and Staff Course students in Egypt for study tour":
            "no year in the text: a neighbouring item's year is taken and flagged tentative, but it "
            + "is not the real one",
        "EU risk management and profiling":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Takim me drejtoreshën e Akademisë së Gjykatësve dhe Prokurorëve, znj. Natasha Gaber-Damjanovska":
            "Albanian text: the publication line closing it ('publie le 02/10/2019') is taken, flagged, "
            + "for a meeting the text gives no date, where the truth is a draft; the country is named only in "
            + "Albanian, and France, where judges will be trained ('në Francë'), is taken",
        "Video conference of police directorates of EU countries and BiH Border Police":
            "no year in the text: a neighbouring item's year is taken and flagged tentative, but it "
            + "is not the real one",
        "The EU supports law enforcement agencies in Albania":
            "the minister's country is taken for the place where the truth names none (the agency's "
            + "closing tag '(30 August)' no longer dates it: a draft, as the truth)",
        "Speech of EU Ambassador Luigi Soreca at the Opening of the Europol Liaison Office in Tirana":
            "'07/11/2019' is read day first, flagged with the other reading in the note; the page "
            + "meant month first",
        "Ambassador Reinke and Minister of Interior Sekulović Signed Memorandum of Cooperation":
            "the text names no place; the ministry's country is taken, flagged, where the truth names "
            + "none",
        "Regional Conference on Trade Facilitation reshapes Collaboration and Integration of the "
            + "Western Balkans economies in the Digital Era":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Romanian-Bulgarian-Serbian joint trilateral center of contact in Vidin":
            "Vidin, the seat of a centre to be set up, is taken for the venue of a meeting held 'in "
            + "Bulgaria'",
        "Polizeichefs aus Südosteuropa in Plovdiv":
            "German text: the publication date is taken, flagged, for a meeting the text gives no day",
        "EU donated vehicles and equipment to Macedonia in the amount of 4 million euros":
            "the country is read from 'Macedonian police', where the truth names no place",
        "Macedonia's border police receives donation from Poland":
            "the Bogorodica border crossing is not in the gazetteer; the president's country (Poland) is "
            + "taken, flagged",
        "U.S. Embassy Donates Equipment to the Border Police and Customs":
            "the text names no place; the ministry's country is taken, flagged, where the truth names "
            + "none",
        "Collecting Illegal Weapons as a Solution to Improving Arms Control in Bosnia and Herzegovina":
            "the country is read from the organiser's name, 'UNDP in BiH', where the truth names no place",
        "Chiefs of police from European capitals convene in Zagreb":
            "no year in the text: a neighbouring item's year is taken and flagged, but it is not the "
            + "real one (the days, to 'will last until 30 May', are right)",
        "Connections between EPPO and the Western Balkans strengthened":
            "the signing of the latest working arrangement ('The latest ones with Bosnia and Herzegovina "
            + "on 21 November 2023', a sentence without a verb) is taken with the seminar's 'two-day' for "
            + "the activity's dates",
        "Liberia: IOM Trains Liberia Immigration Service Officers to Better Address Irregular Migration "
            + "and Combat Migrant Smuggling":
            "no year in the text: 'started yesterday (10/09) and will run until Friday (14/09)' gives the days, "
            + "but the items around it are dated years apart, so it is a draft, where the truth takes a year "
            + "from outside the text",
        "Singapore, Malaysia sign MOU to combat transnational crimes":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Memo inked by 6 countries on cooperation between border police at airports":
            "no year in the text: 'Dec 21' and 'on Tuesday' pick 2021, the year nearest the neighbour's in which "
            + "21 December is a Tuesday (flagged); the truth's 2010 comes from outside the text",
        "Fiscal General recalcó importancia de coordinación con México":
            "the event has no date; 'El documento fue suscrito el 19 de octubre de 2012' (a signing, the "
            + "sentence's verb) dates it, flagged as a signing the title does not speak of, where the truth is a "
            + "draft",
        "Hrvatski i srbijanski ministar u Beogradu razgovarali o migracijama":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Главы МВД Грузии и Литвы обсудили межведомственное сотрудничество":
            "no year in the text: the dateline 'ТБИЛИСИ, 17 ноя' and 'трехдневным' give the days (17-19 November), "
            + "but the items around it are dated years apart, so it is a draft, where the truth takes a year "
            + "from outside the text",
        "OSCE launches Patrol Field Capacity Building project for Tajik Border Troops":
            "Khalqayor is not in the gazetteer; only the country is found",
        "RUSSIAN BORDER GUARDS SHARING EXPERIENCE WITH TAJIK COLLEAGUES":
            "no year for the activity: another date's year (2004) is taken, flagged, and the venue Pyandzh is "
            + "not in the gazetteer, so the dateline's Dushanbe is taken",
        "Amman Hosts Regional Workshop On Combating Cross-Border Crime":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "EFCC receives head of Ghana's anti-corruption body who wants to study Nigeria's strategies against graft "
            + "(photo)":
            "the venue (the EFCC in Abuja) is not named; the visitor's country, named by its institution, is "
            + "taken (flagged)",
        "French judges shared experience":
            "the training took place in France ('the National School for the Judiciary'), but only Ukraine is "
            + "named as a country",
        "Reception at Police":
            "no year in the text: 'On Wednesday, February 17' picks 2016 near the neighbour's year (flagged); "
            + "the truth's 2021 comes from outside, and 'the RA Police' does not name Armenia",
        "Armenian NSC Secretary meets OSCE Senior Police Adviser delegation":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "Panamanian, Honduran students graduate from elite federal training program":
            "the graduation day is taken for the course that ended on it, and Glynco is not in the gazetteer",
        "ILEA trained officials from Guatemala, Honduras and El Salvador on Combating Gangs":
            "the text names no venue; a government's capital (Washington) is assumed, flagged, where the truth "
            + "takes San Salvador from the academy's seat",
        "Albania: curso de formación para la Policía de Fronteras y los grupos T.I.V.":
            "the course moved between Tirana and Durrës; the port of Durrës, named with the last day, is taken",
        "EU Advisory Mission in Iraq launches coordination center":
            "no year in the text: the date of another event in it is taken (flagged), not the launch's",
        "Arab Council of Interior Ministers to convene in Baghdad":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "11th December 2020: ALARM Uganda receives an award from Uganda Police":
            "the award's day in the title is taken; the truth takes the three-week training that led to it, and "
            + "Bwebajja is not in the gazetteer",
        "Kazakh leaders take on corruption":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text",
        "USCG, RCN conduct SAREX in Alaskan waters":
            "Ketchikan is not in the gazetteer",
        "U.S. Embassy Sends Internal Security Forces Members to the United States for Training":
            "the embassy's announcement day is taken for the course (29 March to 10 April); the place is right",
        "Police commanders meet in Kigali over transnational crimes":
            "no year in the text: the neighbouring item's year is taken and flagged tentative, but it is "
            + "not the real one",
        // Round 14 (blind score in the README), after its general rules.
        "Srbija predsedava regionalnom mrežom tužilaca Jugo-istočne Evrope":
            "Belgrade, where the network's founding document was signed in 2005, is taken for the venue, which "
            + "the text does not name",
        "PREDSTAVNICI TUŽILAŠTVA BiH SUDJELOVALI NA REGIONALNOJ KONFERENCIJI O REFORMI PRAVOSUĐA I "
            + "ULOZI PROFESIONALNIH PRAVOSUDNIH UDRUŽENJA, ODRŽANOJ U BEOGRADU":
            "the publication line's day is taken, flagged, where the truth has no date",
        "PREDSTAVNICI VISOKE PRAVOSUDNE DELEGACIJE SRBIJE U STUDIJSKOJ POSJETI TUŽILAŠTVU BIH":
            "no year in the dateline 'SARAJEVO, 18. MAJA': the items around it are dated years apart, so it is a "
            + "draft, where the truth takes a year from outside the text",
        "CEPRIS: Radionice kao pomoć sudijama i tužiocima":
            "workshops in three towns on three days ('u Vranju (6. jun), Leskovcu (7. jun) i "
            + "Požarevcu (14. jun)'): the first town and day are taken",
        "TRENING I OBUKA U NASTAVNOM CENTRU \"MAKIŠ\"! Policajci se uvežbavali za pronalaženje skrivenog oružja":
            "the publication line's day is taken, flagged, where the truth has no date",
        "Na konvenciji šefov evropskih policij razpravljali o vidikih policijskega sodelovanja":
            "no year in the text ('Haag, 30. septembra'; 'v sredo in danes'): the items around it are dated years "
            + "apart, so it is a draft, where the truth takes a year from outside the text",
        "Videokonferencija ravnateljstva policije zemalja EU i Granične policije BiH":
            "a video conference: the news agency's dateline (Sarajevo) is taken for its place",
        "Премиерът Желязков ще присъства на учението на Главна дирекция „Гранична полиция\" в Созопол":
            "Sozopol is not in the gazetteer",
        "Работно посещение на служители от ГДГП в Германия":
            "a visit to several German cities: the one written with 'гр.' (Offenburg) is taken for "
            + "the whole visit",
        "Se deschid noi puncte de trecere a frontierei între România și Moldova":
            "the venue is an institution's seat ('la sediul Inspectoratului General al Poliției de "
            + "Frontieră'), whose country the text does not name",
        "Formation : l’école de gendarmerie de Tulle renforce sa coopération internationale":
            "Tulle is not in the gazetteer",
        "CNEFG : les forces de gendarmerie et de police internationale":
            "the centre (CNEFG) is named without its town or country",
        "Fiscales de trata de personas participan en campamento forense en materia de "
            + "investigación del delito de trata de personas":
            "the publication line's day is taken, flagged, where the truth has no date",
        "Capacitación “Atención a Víctimas y Testigos de delitos de Trata de Personas” en la "
            + "Fiscalía General de Michoacán":
            "'en Materia de' is read as Matera, one of whose other names in GeoNames is 'Materia'; "
            + "Michoacán is a state",
        "Brasil firma convênio para capacitar polícias de países africanos":
            "the convention centre is named without its city; the government's capital is assumed, "
            + "flagged",
        "Jandarma ile AB ve İspanya Büyükelçiliği arasında 'kriminal uzmanlık' için iş birliği - ANKARA":
            "the closing publication line's day ('30 Eylül 2019 Pazartesi günü yayınlandı') is taken, "
            + "flagged, where the truth has no date",
        "EIFORCES International Study Mission to Turkey: Turkish Gendarmerie and Police revealed to EIFORCES":
            "no year in the text ('on 20 June … on 21 June'): the items around it are dated years apart, so it is "
            + "a draft, where the truth takes a year from outside the text",
        "Σεμινάριο της CEPOL με θέμα «Εξέλιξη της ηγεσίας των Αρχών Επιβολής του Νόμου της Ε.Ε. "
            + "και μελλοντικοί ηγέτες»":
            "the Greek police and the participants' (Finnish, Portuguese, Bulgarian) institutions are all "
            + "named, and no venue: no place is written",
        "Seehofer im Potsdamer Bundespolizeipräsidium":
            "'heute' with no date anywhere in the stored text; Potsdam is written as an adjective "
            + "('Potsdamer')",
        "Besuch des Polizeibeauftragten bei der Bundespolizei See":
            "a visit to several places (Cuxhaven, the Baltic, Rostock): the first is taken for the "
            + "country",
        "Spotkanie Zastępców Pełnomocników Granicznych":
            "no year in the text ('16 grudnia'): the items around it are dated years apart, so it is a draft, "
            + "where the truth takes a year from outside the text; Pionierskij is not in the gazetteer",
        "Spotkanie szefów szkół granicznych na Litwie":
            "Medininkai is not in the gazetteer, and the Polish school's Kętrzyn is taken",
        "O współpracy szkoleniowej na spotkaniu szefów szkół granicznych z Polski, Litwy, Łotwy i Estonii":
            "Muraste is not in the gazetteer; the Polish school's Kętrzyn is taken",
        "Украинские пограничники и представители ОБСЕ обсудили вопросы границы и линии разграничения":
            "no year in the text ('Сегодня, 2 октября'): a neighbour's year is taken, flagged, and "
            + "wrong",
        "У словацькому Пряшеві підбили підсумки міжнародного проєкту «SIBSU»":
            "Prešov in the Ukrainian locative ('Пряшеві') is not in the gazetteer; only Slovakia, from "
            + "'словацькому', is written",
        "Visita a Parigi della Scuola di Polizia Economico-Finanziaria della Guardia di Finanza (18 settembre)":
            "no year in the text: the items around it are dated years apart, so it is a draft, where the truth "
            + "takes a year from outside the text; Italian 'a Parigi' is not read as a venue (Gioia Tauro, named "
            + "later, is taken)",
        "Finanza, riunione plenaria degli ufficiali esperti del corpo distaccati all'estero":
            "the plenary's days are not read, and Italian 'la Sala' is read as Salé (one of its other "
            + "names in GeoNames is 'Sala')",
        "Avvio del corso di cooperazione tra Italia e Tunisia per il contrasto ai traffici illeciti":
            "Ostia is not in the gazetteer; Rome is taken",
        "Kvalitetna saradnja crnogorske i češke policije":
            "the publication line's day is taken, flagged, where the truth has no date",
        "ტრენინგი სახელმწიფო დაცვის სპეციალურ სამსახურში":
            "Georgian script is not read",
        "МВД Казахстана и Беларуси обменялись опытом в сфере охраны":
            "the publication line's day is taken, flagged, where the truth has no date; the ministries "
            + "of Kazakhstan and Belarus are both named, so no place is written",
        "Царинската управа денеска го одбележува Денот на царината":
            "no year in the text ('денеска … 16 април'): the year of another date in it is taken, "
            + "flagged, and wrong",
        // Batch 15 (60 items, 57 websites), after its blind score and round 15's rules.
        "Dačić sa crnogorskim kolegom o saradnji u oblasti unutrašnjih poslova":
            "the text's only date is 'Blic pre 27 dana' (27 days before an unknown day): a draft; the truth's date "
            + "is from the page's address, which is not part of the text",
        "Ivica Dačić sa policijskim atašeima":
            "the venue is named only as 'u Palati Srbija', a building in Belgrade; the text names no city",
        "Frontex and EUNAVFOR Sign Maritime Security Cooperation Agreement":
            "the publication label's day ('date 2021-01-19') is taken, flagged, for a signing the text does not "
            + "date; 'the Warsaw headquarters of Frontex' is taken for a virtual ceremony's place",
        "DHS Signs Agreements with Mexico on Customs and Trade Enforcement":
            "'met with their Mexican counterparts in Mexico City': 'counterparts' before the city makes it a "
            + "place in passing; no place is written",
        "Proda pret ambasadorin italian Fabrizio Buçi: Goditje ndaj pasurive që rrjedhin nga krimi":
            "the text names no venue; 'ambasadorin italian' (the Italian ambassador) makes Italy the place",
        "Edhe policë kosovarë do të ruajnë rendin në Durrës, Lezhë e Shkodër":
            "the title's first city (Durrës, of three where the officers will serve) wins over the text's 'Sot "
            + "në Lezhë' (today in Lezhë), the signing's",
        "Ministri Sefaj priti në takim drejtorin e Policisë së Shqipërisë Ardi Veliu":
            "the publication line's day ('10:19 | 13 Mars 2018') is taken, flagged, for a meeting the text "
            + "does not date",
        "Rešil je človeško življenje, našel električno kolo, ki je bilo ukradeno":
            "the only date is the officers' month-long deployment ('od 17. julija do 18. avgusta 2022'), in the "
            + "paragraph after the undated reception's: taken, flagged, where the truth is a draft",
        "Joint meeting of the EJN Contact Points in the Western Balkans and the WBCJ Contact Group Members":
            "'hosted by the Austrian Ministry of Justice' makes Austria the assumed place (flagged), where the "
            + "truth names none",
        "Consultative Forum of General and Special Chief Prosecutors of the Western Balkan region":
            "the text names no venue; 'Supreme State Prosecutor of Montenegro' makes Montenegro the assumed "
            + "place (flagged)",
        "The 4th Annual INTERPA Conference":
            "no year in the text ('on 25-27 May'): a draft, as in the truth; in 'held in UAE, Abu Dhabi Police "
            + "College' the college's city is not read",
        "ASEAN, G7 foster judicial cooperation":
            "no year in the text ('in Tokyo, Japan on July 7'; the truth's year is from the page's address): the "
            + "items around it are dated years apart, so it is a draft, where the truth takes a year from "
            + "outside the text",
        "Одржан први међународни састанак царинских и полицијских официра за везу":
            "the publication line's day ('29. 01. 2010.') is taken, flagged, for a meeting the text does not "
            + "date; 'у Управи царина' (at the Customs Administration) is not read as Serbia",
        "Interpol GA to address contemporary violence":
            "no year in the text ('four-day (5 – 8 November) conference in Rome'): the items around it are dated "
            + "years apart, so it is a draft, where the truth takes a year from outside the text",
        "Sharing best practice on combating corruption in Balkans and Vishegrad countries":
            "'Vishegrad countries' in the title is read as the town Višegrad; 'The Tirana town hall meeting' and "
            + "'the Innovation Hub Tirana' are not read as the venue",
        "Potpisan ugovor o saradnji sa Policijskom akademijom Danilovgrad":
            "no year for '16 februara': another paragraph's year is taken, flagged, where the truth is a draft",
        "Potpisano Pismo namjere između Policijske akademije i Savezne policijske akademije SR Njemačke":
            "'Od 28. do 30.' leaves out the month (the publication line's September): only the publication day "
            + "is taken, flagged; Croatia is named only in the locative ('Dana policije u Republici Hrvatskoj')",
        "Migration: 18 countries agree on greater coordination and cooperation in the eastern Mediterranean":
            "the publication line's day ('Date: 24 July 2020') is taken, flagged, for a conference the text does "
            + "not date",
        // Batch 16 (40 items, 40 websites), scored blind after this session's rules for rounds 14 and 15.
        "Ambassador Eldar Hasanov held a meeting with Minister of Interior Affairs of Montenegro":
            "the ministry's seat (Podgorica) is taken for the venue, which the text does not name",
        "U.S. Donates Equipment to Albanian Border Police and Customs (October 14, 2010)":
            "Muriqan, the border crossing of the ceremony, is not in the gazetteer",
        "EU, state-of-the-art equipment for the Border Police of Albania":
            "the venue is the State Police's headquarters, whose town the text does not write (the truth "
            + "infers Tirana)",
        "KFOR, EULEX, Kosovo security forces in joint exercise (B92, RTK2)":
            "Kosovo is named only as the home of 'Kosovo security forces' and KFOR; no place is read",
        "OSCE Mission to Montenegro advances development of police e-learning platform":
            "no year for 'From 1 to 4 December': the year of another paragraph (2022) is taken, flagged, and "
            + "wrong; no town named",
        "SASTANAK TUŽILACA ZA ORGANIZIRANI KRIMINAL IZ ZEMALJA REGIONA ODRŽAN U SARAJEVU":
            "the publication line's day is taken, flagged, for a two-day meeting the text does not date",
        "Konjević sjutra u posjeti INTERPOL-u":
            "INTERPOL's seat is not named in the text (the truth infers Lyon); Montenegro is the visitor's "
            + "country",
        "Radni posjet predstavnika kanadske policije":
            "the police administration's town is not written as the venue (the truth infers Dubrovnik)",
        "Zajednički projekt: 340 policajaca spremno je za mješovite ophodnje granice Hrvatske i BiH":
            "the ceremony is not dated: the publication day is taken, flagged, where the truth is a draft; Nova "
            + "Sela is not in the gazetteer",
        "Potpisan Memorandum o razumevanju između Ministarstva spoljnih poslova i Agencije za sprečavanje korupcije":
            "Bečej, the seat of an institution named in the text, is taken for the venue, which the text "
            + "does not name",
        "Drejtori i Policisë së Kosovës takohet me ambasadorin e OSBE-së McGurk":
            "the day comes from 'sot' with the year only in the page's address: no reference date is read, "
            + "so no date",
        // Batch 17 (60 items, 59 websites), scored blind; these are what this session's rules for it left.
        "Policijski rukovodioci ZDK na sastanku analizirali stanje sigurnosti na području ZDK":
            "Bosnia and Herzegovina is named only in the canton's name ('Zeničko-dobojskog kantona'); no place is read",
        "2011 - novembar - \"Probna policijska stanica\"":
            "the country is named only in institutions' names ('MUP-a Kantona Sarajevo'); no place is read",
        "Svečana dodjela certifikata policijskim službenicima nakon obuka TIKA-e":
            "the trainings' span ('od 05. do 16.04.2021.', in a relative clause) wins over the ceremony's "
            + "'dana 26.05.2021.'",
        "Будимир и Кострешевић обишли Центар за обуку":
            "Zalužani is not in the gazetteer; only the country, named in 'МУП-а Републике Српске', is "
            + "written (flagged)",
        "Workshop on “Introducing EU experience on drafting criminal charges”":
            "Albania is named only as an adjective ('Albanian legal framework', 'Albanian counterparts'); no "
            + "place is read",
        "Спасовски и Дујовски во посета на кампот за обука во Лазарополе":
            "Lazaropole is not in the gazetteer",
        "IOM Iraq makes headway in the development of the border management curriculum for the Ministry of Interior":
            "the ministry's capital (Baghdad) is assumed, flagged, where the truth names only Iraq",
        "IOM Conducts Training on Better Migration Management for South Sudanese Border Officials":
            "Yambio is not in the gazetteer; only South Sudan is written",
        "Gambian Minister of Interior learns about Dubai Police Academy's best practices":
            "the dateline's date ('WAM - 03rd Mar, 2021') is taken, flagged, for a visit the text does not date",
        "Zapriseglo 47 novih pomožnih policistk in policistov":
            "Tacen is not in the gazetteer ('Tacen, 20. februarja', without a year, is left a draft, as in the "
            + "truth)",
        "70 let šolanja policijskih psov, ki imajo vedno več službenih nalog":
            "Tacen ('v Tacnu') is not in the gazetteer; no place is written",
        "MUP i MORH – zajednička vježba na moru":
            "the venue is named as 'Trajektne luke Split' (the port of Split), which is not read; no place is written",
        "Eurothink attended a training for the program “Communication with communities” for police "
            + "officers from SIA Skopje":
            "'the US Embassy' makes the United States the place; North Macedonia is named only in 'SIA Skopje'",
        "Shkup, trajnim anti-terror agjentëve të policisë":
            "the training is not dated: the publication date (28/06/2010) is taken, flagged, where the truth is a "
            + "draft",
        "Nova moč v Specialni enoti":
            "Gotenica is not in the gazetteer",
        "Interior minister for unified action among departments to improve public service delivery":
            "no year in the text: a neighbour's year is taken with the weekday's, flagged, where the truth is a draft",
        "Workshop on “Career Development in the Police System” within the framework of TAIEX":
            "the minister's country (Georgia) is assumed, flagged, where the truth names no place",
        "Another step in cooperation with Western Balkans":
            "no year in the text: the neighbouring item's year is taken and flagged tentative, where the "
            + "truth is a draft",
        "„Полицијата во служба на граѓаните“-свеченост во Крива Паланка за Денот на полицијата":
            "the date of the day celebrated ('Денот на македонската полиција- 7 Мај') wins over 'денеска'",
        // Batch 18 (50 items, 48 websites), scored blind at the end of the session; no rule was written for it.
        "Police happy with crime-fighting results, get further training":
            "the dateline's Tirana is taken where the truth names only Albania",
        "Training for Security Staff of the Irregular Migrants Centre":
            "Lukavica is taken for the venue where the truth names only the country",
        "Study Visit in Training Academy for Judges and Prosecutors of the Republic of Macedonia":
            "the venue is named only by an institution (the academy, in Skopje by the truth); no place is read",
        "1,187 cadets graduate from Police Academy":
            "Wudil, the venue, is not read; only Nigeria (from 'The Nigeria Police'), flagged",
        "Mission Police Department welcomes 21 new officers following graduation ceremony":
            "Mission (Texas) is not in the gazetteer; no place is read",
        "US Embassy provides strategic trade enforcement training to Sri Lanka Customs officials":
            "Sri Lanka is taken from 'Sri Lanka Customs' where the truth names no place",
        "Nepal police delegation visits Delhi Police headquarters to study leadership issues":
            "Delhi is read where the truth has New Delhi",
        "NLPOA members met with Mexican Law Enforcement Professionals":
            "no year in the text: a neighbour's year is taken, flagged, where the truth is a draft; the United States "
            + "is not read",
        "Friendship Week in Germany":
            "Selm-Bork is not in the gazetteer; only Germany is read",
        "Security Sector Reform on the Agenda":
            "the 'Last updated: 24.03.2011' day is taken for 'on March 22'; the country, named in the assembly's "
            + "name, is not read",
        "Regional Committee for the Fight against Human Trafficking gathered":
            "Tirana is taken for the venue where the truth names only Albania",
        "Održana obuka i zajednička pokazna vježba policijskih agencija iz Federacije BiH":
            "Sarajevo is taken where the venue is Hadžići ('općina Hadžići', not read)",
        "Стефановић на обуци 15. класе ЦОПО: Хоћемо полицију спремну да обави сваки задатак за Србију":
            "Serbia, named only in the text's institutions, is not read",
        "СПАСОВСКИ : ПРЕКУ СОРАБТКАТА СО ОБСЕ ДО ЗАЈАКНАТИ КАПАЦИТЕТИ НА МВР ВО БОРБАТА ПРОТИВ ОРГАНИЗИРАНИОТ "
            + "КРИМИНАЛ И ТЕРОРИЗМОТ":
            "North Macedonia, named only in the text's institutions, is not read",
        "Proda: Do të krijojmë Akademinë e Policisë për Ballkanin Perëndimor në Tiranë":
            "Tirana, named as a planned academy's seat, is taken as the venue where the truth names only Albania",
        "Zajednički nadzor migracija: Ministri unutrašnjih poslova Hrvatske, Slovenije i Italije":
            "Buzet, the venue, is not read; Croatia is taken from the ministers' titles, flagged",
        "Hrvaška policista pomagata na slovenskih smučiščih":
            "Kranjska Gora ('v Kranjski Gori', one of the ski resorts named) is taken where the truth names only "
            + "Slovenia",
        "Trije slovenski policisti potujejo na hrvaško obalo":
            "Zagreb is taken where the truth names only Croatia (its coast)",
        "Tužioci će imati punu podršku EUROJUST-a":
            "the publication line's day (29/06/2022) is taken, flagged, for a visit the text does not date (the "
            + "collector notes a reader may take it)",
        "14.01.2016.godine – Saopštenje":
            "the statement's date (14.01.2016) is taken, flagged, for an oath the text does not date (the "
            + "collector notes most readers would take it)",
        "Certifikohen zyrtarë të njësiteve elite të Policisë së Kosovës":
            "Vrellë is not in the gazetteer; Kosovo is taken from 'Policisë së Kosovës', flagged",
        "Кај Шипокно ќе се одржи регионална обука на полициските тимови кои работат со службени кучиња":
            "Shipokno is not in the gazetteer",
        // Batch 19 (60 items, 54 websites), scored blind at the start of the session; these are what its rules left.
        "Na Policijskoj akademiji FMUP-a počela obuka za novu generaciju kadeta iz USK-a":
            "the country, named only in the Federal ministry's academy ('Federalnog ministarstva'), is not read",
        "Vrhovni javni tužilac na konferenciji generalnih tužilaca EU":
            "Malta, named in the locative ('na Malti'), is not read; Serbia is taken from the prosecutor's office, "
            + "flagged",
        "Toshkovski: Opening the border crossing at Markova Noga will be important for the development of tourism":
            "'Markova Noga', a border station's name, is read as the Russian town Markova; Resen is not read",
        "Тошковски во посета на Полициската станица за граничен надзор Сопот":
            "North Macedonia, named only by its ministry and a station's name, is not read",
        "Sjutra sastanak delegacija crnogorskog i srpskog MUP-a":
            "a post line with its time before the date ('20:26, 5 decembar, 2004') is not read, so 'sjutra' is not "
            + "dated",
        "Saradnja srpske policije i policije Velike Britanije i Severne Irske":
            "the listing's date is taken, flagged, for a video call the text does not date; Serbia is taken from "
            + "its police where the truth names no place",
        "Policia e Kosovës shënon përvjetorin e 21-të":
            "the year follows only from a 21st anniversary of a founding the text does not date; the item stays a "
            + "draft",
        "V slovenski policiji smo za delo v civilnih misijah usposobili 18 policistov trenerjev iz šestih držav":
            "Gotenica is not in the gazetteer",
        "17. mart – Oduzeta roba donirana u humanitarne svrhe":
            "Cetinje, one of many towns the goods went to, is taken where the truth names only Montenegro",
        "Uspešno izpeljan delovni obisk predstavnikov Srbije v Sloveniji na temo upravljanja patrulj":
            "Slovenia, named in the locative ('v Sloveniji') beside three towns, is not read",
        "Slovenian police continue to support Serbian colleagues in fighting organised crime":
            "'the territory of Police Administration Užice' is not read as Užice",
        "EUFOR Quick Response 22 exercise to bring together troops from 20 states":
            "a date line with its time run on ('14.10.202215:41') is not read, so the span takes another year",
        "Službeni posjet delegacije MUP-a Republike Sjeverne Makedonije Zapovjedništvu interventne policije i PU "
            + "zagrebačkoj":
            "'Policijske uprave zagrebačke' (Zagreb's police administration, by its adjective) is not read",
        "ВИ СТЕ ТУ ДА ЧУВАТЕ СРБИЈУ: Министар полиције Ивица Дачић на промоцији 51., 52.,53. и 54, класе ЦОПО у "
            + "Сремској Каменици":
            "'у Сремској Каменици' after a centre's name in the genitive is taken for its seat; Serbia is taken, "
            + "flagged, from the ministry's name",
        "Policia kufitare e Kosovës, Shqipërisë dhe ajo e Malit të Zi trajnohen për të goditur krimin":
            "Plav, named in Albanian in brackets ('në (Plavë - Guci)'), is not read",
        "Delegacioni AS, zhvilloi një vizitë në Gjermani dhe Poloni në datat 19-23 nëntor 2018":
            "a visit to two countries: Lübeck is taken where the truth names none",
        "Proda: Do të krijojmë në Tiranë Akademinë e Policisë për Ballkanin Perëndimor":
            "Tirana, named as a planned academy's seat, is taken where the truth names only Albania",
        "Primopredaja rekonstruisanih objekata za skladištenje opreme i malog i lakog naoružanja u Rakovici":
            "Rakovica is not in the gazetteer",
        "Ravnatelj policije sastao se s izaslanstvom PD Hannover":
            "a neighbour's year is taken, flagged, where the text gives none for the day (a draft by the truth); "
            + "the country is not read",
        "Major Upgrades Enhance Security of SALW and Ammunition Storage in Serbia":
            "the venue, named only as 'the Serbian Ministry of Interior Platičevo … storage', is not read",
        "“EU Support to Law Enforcement” organised training on operation analysis for police":
            "'in Vraca, Sarajevo' after a ministry is taken for the ministry's seat",
        "Operational centre for fighting organised crime opened":
            "Montenegro is taken from the ambassador's title ('Ambassador to Serbia-Montenegro') where the truth "
            + "names Serbia",
        "Serbia hosts two WCO National Seminars on the modernization of its Customs Laboratory and on the "
            + "Harmonized System":
            "two spans ('from 5 to 8 and from 11 to 15 April') give only the second; Barcelona, where an expert "
            + "came from, is taken",
        "The tenth seminar from the Training Programme on International Judicial Cooperation: Transnational "
            + "Organised Crime – Trafficking in Human Beings Protocol held in Danilovgrad and Podgorica":
            "a dateline of two cities ('PODGORICA/DANILOVGRAD –') is not read; a title naming both leaves the "
            + "country",
        "OSCE Mission to Montenegro trains police officers on trafficking in human beings":
            "Podgorica, the first of three towns of the course, is taken where the truth names only Montenegro",
        "ECLO launches new project in Kosovo":
            "a neighbour's year is taken, flagged, for 'Wednesday (July 15th)' (a draft by the truth)",
        "Janjušević i Rebić potpisali Protokol o saradnji tokom ljetnje turističke sezone":
            "Montenegro is taken from its police where the truth names no place",
        "Šćepanović - Grubišić: Saradnja policijskih službi Crne Gore i Hrvatske kontinuirano napreduje":
            "the publication line's day is taken, flagged, for a visit the text does not date (the collector notes "
            + "most readers might take it)",
        "Министерот Тошковски врачи решенија":
            "Skopje, named only as the police sector ('Секторот за внатрешни работи Скопје'), is not read",
        // Batch 20 (50 items, 49 websites), scored blind on the session's final importer; no rule was written for it.
        "Voditelj CELBET-a posjetio Carinsku upravu":
            "the country, named only as the customs administration's ('Carinske uprave'), is not read",
        "Delegacija crnogorske policije boravila u studijskoj posjeti Majamiju":
            "Podgorica is taken where the study visit was in Miami ('Majamiju' is not read)",
        "EULEX-i dhe projekti EUKOJUST organizuan punëtori për gjyqtarët dhe prokurorët":
            "Pristina, named as the courts' seat, is taken where the truth names only Kosovo",
        "Kryetarja e Themelores pret gjyqtarët e rinj":
            "a post line with its time before the date ('15:21, 1 Gusht 2017') is not read, so 'sot' is not dated",
        "Прешево – На граничном прелазу Прешево – Табановци почела је заједничка оперативна акција „Коштана 2015\"":
            "'will last until 7 October' is taken for the operation's day; Vranje, where the press conference was, "
            + "is taken",
        "На аеродрому \"Никола Тесла\" представљене мере ЕУ и УНОДЦ за граничну безбедност":
            "Belgrade, after the airport's name ('на аеродрому Никола Тесла у Београду'), is taken for its seat",
        "Policija dobila najsavremeniju opremu na Batrovcima":
            "'from 1 July to 1 August', a month's traffic figures, is taken for the visit's span; the dateline's "
            + "Belgrade is taken where the visit was at Batrovci",
        "Министерот Спасовски во посета на Полицискиот Центар ,, Ѓорче Петров,,.":
            "the municipality 'Ѓорче Петров' is read as an unknown town where the truth has Skopje",
        "We continue to strengthen response to combating migrant smuggling in the Western Balkans":
            "the publication line's day is taken, flagged, for trainings in three countries (a draft by the "
            + "truth); Montenegro, the first country, is taken",
        "MUP RH donirao vrijednu opremu Graničnoj policiji BiH":
            "Bosnia and Herzegovina, named only in the border police's name, is not read",
        "Primoporedaja savremene opreme Graničnoj policiji BiH za efikasniju borbu protiv ilegalnih migracija":
            "'u sjedištu Granične policije BiH … Sarajevo' is not read as the venue",
        "Galić, Uber: Potpisan sporazum o donaciji graničnoj policiji":
            "the surname 'Galić' in the title is read as the Russian town Galich; the dateline's Sarajevo is not "
            + "taken",
        "Nova specijalizirana oprema spriječava migracije i kriminal":
            "'jučer' (yesterday) is not counted back from the date line '07.05.2010. u 14:29'; its day is taken",
        "Savezna policija Njemačke kolegama u BiH donirala opremu u vrijednosti 400.000 KM":
            "the publication line's day is taken, flagged, for a signing the text does not date (many readers "
            + "would take it, notes the collector)",
        "KPC challenges in 2022 and the means to address them discussed with EUKOJUST experts":
            "the dateline's day is taken for a two-day workshop the text does not date further (a draft by the "
            + "truth)",
        "Representatives of the Bureau of Metrology held training for Customs Administration officers":
            "Montenegro, named only in the customs administration's and metrology bureau's names, is not read",
        "Visit of representatives of the World Customs Organization to the Customs Administration on 14-15 "
            + "February 2024":
            "Podgorica, named only in 'Podgorica Airport', is not read",
        "Port Control and Air Cargo Units complete the Strategic Trade and Export Control training":
            "the Sarajevo International Airport, where a trained unit works, is taken where the date line names "
            + "'Kumbor, Montenegro' (Kumbor is not in the gazetteer)",
        "Ministri Lleshaj në Kakavijë, takon oficerët e FRONTEX (VIDEO)":
            "the publication line's day is taken, flagged, for a meeting the text does not date (a draft by the "
            + "truth); Kakavijë, in the title, is not in the gazetteer",
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/real-news")
    static let batches = [
        "batch1", "batch2", "batch3", "batch4", "batch5", "batch6", "batch7", "batch8", "batch9", "batch10", "batch11",
        "batch12", "batch13", "batch14", "batch15", "batch16", "batch17", "batch18", "batch19",
        "batch20",
    ]

    static let truths: [Truth] = batches.flatMap { batch in
        let data = (try? Data(contentsOf: folder.appendingPathComponent(batch + ".json"))) ?? Data()
        let truths = (try? JSONDecoder().decode([Truth].self, from: data)) ?? []
        return truths.enumerated().map { index, truth in
            var truth = truth
            truth.batch = batch
            truth.index = index
            return truth
        }
    }

    /// Each batch imported whole, as a user would import the page: neighbouring items matter.
    static let imported: [String: [EventRecord]] = Dictionary(
        uniqueKeysWithValues: batches.map { batch in
            let text = (try? String(contentsOf: folder.appendingPathComponent(batch + ".md"), encoding: .utf8)) ?? ""
            return (
                batch,
                NewsImporter(config: NewsCorpusTests.config(), gazetteer: .bundled).importNews(
                    text, file: batch + ".md"
                ).records
            )
        })

    /// What is wrong with the record made of `truth`'s item; empty when it is right.
    static func problems(_ record: EventRecord?, _ truth: Truth) -> [String] {
        guard let record else { return ["no record"] }
        var problems: [String] = []
        var start: String?
        var end: String?
        if case .allDay(let first, let last)? = record.timing {
            start = first.description
            end = last.description
        }
        if truth.start == nil {
            if record.status != .draft || record.timing != nil {
                problems.append("dated \(start ?? "-")…\(end ?? "-"), want a draft")
            }
        } else if start != truth.start || end != truth.end {
            problems.append("dates \(start ?? "-")…\(end ?? "-"), want \(truth.start ?? "-")…\(truth.end ?? "-")")
        } else if !truth.yearStated && record.status != .tentative {
            problems.append("the year is a guess but the record is \(record.status.rawValue)")
        }
        if record.place?.city != truth.city || record.place?.country != truth.country {
            problems.append(
                """
                place \(record.place?.city ?? "-"), \(record.place?.country ?? "-"); \
                want \(truth.city ?? "-"), \(truth.country ?? "-")
                """
            )
        }
        if record.status == .tentative && (record.sourceNote ?? "").isEmpty {
            problems.append("tentative without a source-note")
        }
        return problems
    }

    static func record(for truth: Truth) -> EventRecord? {
        let records = imported[truth.batch] ?? []
        return records.indices.contains(truth.index) ? records[truth.index] : nil
    }

    @Test func everyBatchSplitsIntoItsItems() {
        for batch in Self.batches {
            let titles = (Self.imported[batch] ?? []).map(\.title)
            #expect(titles == Self.truths.filter { $0.batch == batch }.map(\.title), "\(batch)")
        }
    }

    @Test(arguments: truths) func item(_ truth: Truth) {
        let problems = Self.problems(Self.record(for: truth), truth)
        if let reason = Self.knownMisses[truth.title] {
            withKnownIssue(Comment(rawValue: reason)) {
                #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
            }
        } else {
            #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
        }
    }

    /// The figures the README quotes: dated items with exact start and end, undated items
    /// written as drafts, places right.
    @Test func printsTheScore() {
        for batch in Self.batches + ["all"] {
            let truths = Self.truths.filter { batch == "all" || $0.batch == batch }
            let results = truths.map { (truth: $0, problems: Self.problems(Self.record(for: $0), $0)) }
            let dated = results.filter { $0.truth.start != nil }
            let undated = results.filter { $0.truth.start == nil }
            let datesRight = dated.filter {
                !$0.problems.contains { $0.hasPrefix("dates") || $0.hasPrefix("the year") }
            }.count
            let drafts = undated.filter { !$0.problems.contains { $0.hasPrefix("dated") } }.count
            let places = results.filter { !$0.problems.contains { $0.hasPrefix("place") } }.count
            // A year the text does not give, or a date where the text gives none, written as if read.
            let unflagged = results.filter { result in
                guard let record = Self.record(for: result.truth), record.timing != nil else { return false }
                return (!result.truth.yearStated || result.truth.start == nil) && record.status != .tentative
                    || record.status == .tentative && (record.sourceNote ?? "").isEmpty
            }.count
            print(
                """
                real news \(batch): \(truths.count) items; dates exact \(datesRight)/\(dated.count); \
                drafts \(drafts)/\(undated.count); places \(places)/\(truths.count); unflagged \
                guesses \(unflagged); all right \(results.filter(\.problems.isEmpty).count)
                """
            )
            if batch != "all" {
                for result in results where !result.problems.isEmpty {
                    let record = Self.record(for: result.truth)
                    print(
                        """
                          miss: \(result.truth.title): \(result.problems.joined(separator: "; ")) \
                        [\(record?.status.rawValue ?? "-")\(record?.sourceNote.map { ": " + $0 } ?? "")]
                        """
                    )
                }
            }
        }
    }
}
