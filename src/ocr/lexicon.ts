/**
 * Common words of Swedish meeting documents that contain a ligature pair (tt,
 * ti, ft, fi, ff, fl). A font whose ligature glyph maps to one letter prints
 * them one letter short ("Ersätare", "underskrifer"), and that loss is a mark
 * of a garbled text layer (src/ocr/quality.ts). Inflected forms are listed
 * because the check compares whole words and compound tails, not stems.
 */
export const LIGATURE_WORDS: readonly string[] = [
  // Meetings, bodies and roles
  "ersättare", "ersättaren", "ersättarna", "ersättares", "fullmäktige", "fullmäktiges",
  "kommunfullmäktige", "kommunfullmäktiges", "stadsfullmäktige", "stadsfullmäktiges", "ungdomsfullmäktige",
  "ungdomsfullmäktiges", "regionfullmäktige", "regionfullmäktiges", "utskott", "utskottet", "utskottets",
  "arbetsutskott", "arbetsutskottet", "arbetsutskottets", "personalutskott", "personalutskottet", "stiftelse",
  "stiftelsen", "partiet", "vänsterpartiet", "tillfälle", "tillfällen",
  "närvarorätt", "yttranderätt", "rätten", "tidpunkt", "tiden", "tider", "tidigare", "tidplan", "tidsplan",
  // Signing and the record
  "underskrift", "underskriften", "underskrifter", "underskrifterna", "attestera", "attesterat",
  "tillkännagivande", "offentlig", "offentliga", "offentligt", "offentliggörande",
  // Proposals, decisions and procedure
  "yttrande", "yttrandet", "yttranden", "motion", "motionen", "motioner", "proposition", "propositionen",
  "propositioner", "propositionsordning", "voteringsproposition", "reservation", "reservationen", "reservationer",
  "tilläggsyrkande", "tilläggsyrkandet", "tilläggsärenden", "tilläggsärende", "återremitteras", "återremittera",
  "tillstyrker", "tillstyrka", "tillstyrks", "tilldelas", "tilldelning", "tillstånd", "tillkommande", "tillämpa",
  "tillämpning", "tillämpas", "tillsammans", "tillsätta", "tillsätts", "tillfälliga", "tillfälligt", "fatta",
  "fattar", "fattas", "fattade", "fattat",
  "sammanfattning", "sammanfattningsvis", "delegationsbeslut", "delegationsbeslutet",
  "information", "informationen", "beträffande", "finner", "finns", "fick",
  "till", "tills", "flera", "fler", "efter", "eftersom", "därefter", "härefter", "fortsatt", "fortsatta", "fortsätta",
  "fortsätter", "detta", "sätta", "sätter", "rättelse", "rättigheter", "bättre", "utifrån",
  "syfte", "syftet", "syftar", "ofta", "oftast", "uppgift", "uppgifter", "uppgiften", "avgift", "avgifter",
  "avgiften", "skrift", "skriftlig", "skriftligt", "skriftliga", "drift", "driften", "kraft", "ikraftträdande",
  "inrätta", "inrättas", "avsätta", "avsätts", "avsatta", "ytterligare", "yttre",
  "kompletterande", "komplettera", "kompletteras", "respektive", "alternativ", "alternativet", "initiativ",
  "initiativet", "aktiv", "aktivt", "aktiva", "aktivitet", "aktiviteter", "aktiviteten", "positiv", "positivt",
  "negativ", "negativt", "effekt", "effekter", "effektiv", "effektivt", "träffa", "träffas", "träffar",
  // Administration and finance
  "organisation", "organisationen", "organisationer", "organisationerna", "kommunikation", "dokumentation",
  "situation", "situationen", "relation", "relationer", "distribution", "prostitution", "inhibition",
  "nationell", "nationella", "nationellt", "politik", "politisk", "politiska", "politiskt", "politiker",
  "politikerna", "statistik", "kritik", "praktik", "praktiska", "fritid", "fritids",
  "fritidshem", "fritidsgård", "fastighet", "fastigheter", "fastigheten", "fastigheterna", "finansiering",
  "finansieras", "finansiera", "finansiell", "finansiella", "befintlig", "befintliga", "befintligt",
  "underskott", "överskott", "skatt", "skatten", "skattesats", "ersättning", "ersättningen", "ersättningar",
  "affärsplan", "augusti", "framtiden",
  "framtida", "förtid", "deltid", "heltid", "alltid", "samtidigt", "tisdag", "tisdagen", "vatten",
  "flyktingar", "flyttas", "efterlevnad",
];
