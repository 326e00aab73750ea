/**
 * General English word lists for finding people, their titles and the speakers of quotes. Lower case.
 * Nothing here is about one story: these are the words any news article uses around names.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/**
 * Honorifics and forms of address kept apart from a name: "Qari Jane Roe" -> honorific "Qari".
 * Periods are dropped before look-up ("Dr." -> "dr").
 */
export const HONORIFICS = words(`
  mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother
  president vice premier chancellor minister secretary senator sen rep representative congressman congresswoman
  governor gov mayor ambassador envoy judge justice king queen prince princess sheikh sheik shaikh mullah maulvi
  mawlawi maulana mufti qari haji hajji hajj imam ayatollah rabbi pope cardinal bishop emir amir sultan general gen
  gov colonel col lieutenant lt captain capt major maj sergeant sgt admiral adm commander cmdr marshal chief
  officer detective inspector superintendent chairman chairwoman councillor councilor alderman speaker pastor
  deacon elder comrade mister madam madame monsieur herr frau don dona senor senora
`);

/**
 * Head words of posts and roles. "chief of staff", "defense minister", "political director".
 * A title must hold one of these to be a title at all.
 */
export const ROLE_WORDS = words(`
  president presidents vice premier chancellor minister ministers secretary senator representative congressman
  congresswoman governor mayor ambassador envoy judge justice king queen prince princess emir sultan general
  colonel lieutenant captain major sergeant admiral commander marshal chief officer detective inspector
  superintendent chairman chairwoman chairperson chair councillor councilor speaker spokesman spokeswoman
  spokesperson director deputy head leader adviser advisor aide counsel attorney prosecutor commissioner
  administrator ceo cfo coo founder cofounder co-founder owner editor correspondent reporter professor lecturer
  coach manager executive official officials diplomat negotiator mediator representative delegate consul
  governor-general viceroy regent monarch emperor empress chief-of-staff lawmaker legislator mp mep
  superintendent principal dean rector provost treasurer comptroller auditor registrar clerk
  spokesman spokesperson sheriff constable warden pilot analyst strategist economist scientist researcher
  master harbormaster
`);

/** Multi-word roles read as one: "chief of staff" is not a chief of a staff. */
export const MULTIWORD_ROLES = [
  'chief of staff', 'attorney general', 'secretary general', 'secretary-general', 'secretary of state',
  'prime minister', 'vice president', 'deputy prime minister', 'commander in chief', 'commander-in-chief',
  'chief executive', 'chief executive officer', 'editor in chief', 'editor-in-chief', 'first lady',
  'foreign minister', 'defense minister', 'defence minister', 'interior minister', 'finance minister',
  'health minister', 'justice minister', 'home secretary', 'foreign secretary', 'press secretary',
  'national security adviser', 'national security advisor', 'special envoy', 'special representative',
  'chief justice', 'lieutenant general', 'major general', 'brigadier general', 'rear admiral',
  'general secretary', 'fire chief', 'police chief', 'harbor master', 'harbour master', 'chief constable',
  'managing director', 'executive director', 'deputy mayor', 'lord mayor', 'first minister', 'party leader',
  'opposition leader', 'majority leader', 'minority leader', 'press officer', 'chief financial officer',
  'chief operating officer',
];

/**
 * Words that make a capitalized run an organization, building, event or thing rather than a person:
 * "Harbor Watch", "White House", "Air Force", "Human Rights Watch", "Wall Street Journal".
 */
export const ORG_WORDS = words(`
  ministry ministries department dept office bureau agency authority administration government govt council
  committee commission board parliament congress senate assembly court tribunal house palace embassy consulate
  army navy force forces corps guard guards police military militia brigade battalion regiment division command
  directorate intelligence service services university college school academy institute institution foundation
  center centre hospital clinic church mosque temple company corporation corp inc ltd llc plc group holdings bank
  fund trust association federation union league party movement front alliance coalition network media news
  times post journal herald tribune telegraph gazette daily weekly press agency radio television tv channel
  broadcasting social platform app airlines airways airport airbase base station port harbor harbour street
  avenue road square bridge tower building hall stadium park river lake sea ocean mountain mountains valley
  province state states kingdom republic emirate emirates federation territory county district city town
  village island islands region north south east west northern southern eastern western central middle
  international national global world united watch amnesty rights human organization organisation
  cooperative co-op coop society council club institute laboratory lab museum library theatre theater
  ministry's firm studio studios works factory mill mills warehouse terminal depot market exchange
  program programme project initiative agreement accord treaty deal pact summit conference war wars game games
  cup championship olympics day week act law bill plan strategy doctrine revolution crisis operation
  museum gallery library studio studios records entertainment club team fc queen king burger dairy pizza cafe
  restaurant hotel market markets exchange index energy oil gas airlines motors systems technologies labs
`);

/** Lower-case name particles that may sit inside a name: "Osama bin Laden", "Ludwig van Beethoven". */
export const NAME_PARTICLES = words('bin ibn bint al el ul ud van von de da di du der den la le del della dos das ter');

/**
 * Verbs that introduce or follow a quotation: "said", "told reporters", "wrote on X". The shared
 * vocabulary's reporting verbs are added to these at run time.
 */
export const REPORTING_VERBS = words(`
  say says said saying tell tells told telling state states stated stating note notes noted noting add adds added
  adding warn warns warned warning write writes wrote writing stress stresses stressed stressing reply replies
  replied replying respond responds responded responding declare declares declared declaring insist insists
  insisted insisting explain explains explained explaining announce announces announced announcing claim claims
  claimed claiming remark remarks remarked comment comments commented commenting post posts posted posting tweet
  tweets tweeted tweeting reiterate reiterates reiterated reiterating emphasize emphasizes emphasized emphasizing
  emphasise emphasises emphasised emphasising confirm confirms confirmed confirming argue argues argued arguing
  ask asks asked asking urge urges urged urging vow vows vowed vowing admit admits admitted admitting acknowledge
  acknowledges acknowledged acknowledging remind reminds reminded reminding recall recalls recalled recalling
  caution cautions cautioned cautioning continue continues continued continuing conclude concludes concluded
  affirm affirms affirmed echo echoes echoed observe observes observed predict predicts predicted counter
  counters countered shout shouted whisper whispered scream screamed cry cried joke joked quip quipped
  describe describes described calling called call calls promise promises promised threaten threatens threatened
  suggest suggests suggested report reports reported tweet declared maintain maintains maintained assert asserts
  asserted contend contends contended complain complains complained demand demands demanded
`);

/**
 * Nouns that describe an unnamed speaker: "a senior defence official", "a spokesman", "witnesses".
 */
export const PERSON_NOUNS = words(`
  official officials spokesman spokeswoman spokesperson spokespeople source sources aide aides diplomat diplomats
  officer officers minister ministers leader leaders commander commanders analyst analysts expert experts
  witness witnesses resident residents member members adviser advisers advisor advisors representative
  representatives envoy negotiator negotiators lawmaker lawmakers senator senators legislator legislators
  executive executives director directors chief head president secretary ambassador governor mayor
  spokesmen person people man woman men women student students worker workers doctor doctors police
  officer activist activists protester protesters organizer organizers investigator investigators prosecutor
  prosecutors lawyer lawyers attorney attorneys employee employees staff fighter fighters soldier soldiers
  commentator commentators reporter reporters journalist journalists critic critics observer observers
`);

/** Heads of organization noun phrases: "the Ruritanian government", "the ministry", "the company". */
export const ORG_HEADS = words(`
  government ministry department office administration agency authority authorities council committee
  commission court police army military navy embassy company firm group party movement organization
  organisation union federation alliance coalition regime cabinet parliament senate congress house
  presidency palace campaign team club board bank university school hospital spokesperson's
  newspaper network channel broadcaster agency service services
`);

/** Words that start a sentence but never a name: "However", "The", "When". */
export const SENTENCE_STARTERS = words(`
  the a an this that these those there here it its he she they we i you his her their our my your
  however but and or so yet then when while after before since because although though if unless once
  in on at by for from with without of to as into onto over under about during through throughout
  also still even only just meanwhile moreover furthermore nevertheless nonetheless instead indeed
  recently earlier later today yesterday tomorrow now already multiple several many some most few all both
  each every other another such no not any one two three four five six seven eight nine ten first second
  third last next new former current several despite amid among between beyond within according
  what who whom whose which where why how addressing adding asked asking speaking describing following
  shortly analysts officials critics experts sources
`);

/** Month and weekday names: "Sunday", "September" start no person names. */
export const CALENDAR_WORDS = words(`
  january february march april may june july august september october november december jan feb mar apr
  jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
`);

/** Subject pronouns that may name a speaker, resolved to a person or group named earlier. */
// A Map, not an object: `"constructor" in {...}` is true, and a read with ever new strings left V8 guessing.
export const PRONOUNS: ReadonlyMap<string, 'person' | 'group'> = new Map([
  ['he', 'person'], ['she', 'person'], ['they', 'group'], ['it', 'group'], ['we', 'group'],
]);
