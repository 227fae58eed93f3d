/**
 * Lines the lexer and the grammar key on (headings, labels, §§, list points,
 * page furniture, vote sentences, broken dates), so that random documents
 * reach every state. One list for the fuzzer (scripts/fuzz/text.mjs) and the
 * robustness property (test/properties/robustness.test.ts).
 */
export const STRUCTURE_LINES = Object.freeze([
  "Protokoll", "Kallelse", "Protokollsutdrag", "Beslut", "Förslag till beslut", "Kommunstyrelsens beslut",
  "Yrkanden", "Omröstning", "Omröstningslista", "Reservation", "Protokollsanteckning", "Jäv", "Beslutsunderlag",
  "Expedieras till", "Ärendebeskrivning", "Plats och tid", "Beslutande ledamöter", "Tjänstgörande ersättare",
  "Övriga närvarande", "Utses att justera", "Protokollet omfattar", "Paragrafen är justerad",
  "Paragrafen förklaras omedelbart justerad", "§ 9", "§9", "KS § 123", "§§ 11-12", "Dnr KS 2025/00123",
  "3. Val av justerare 13:25", "1.", "•", "Sida 2 av 8", "2(8)", "Justerandes sign", "Utdragsbestyrkande",
  "Med 4 ja-röster mot 3 nej-röster och 0 som avstår", "Anna Berg (S) yrkar bifall.", "Datum 2025-13-45",
  "Tid kl. 25.99", "fredagen den 31 februari 2025", "Ordförande Sekreterare", "Anna Berg   Per Holm",
  "Anna Berg (S), ordförande", "Per Holm (M) §§ 3-5", "Signerat med BankID", "Kommunstyrelsen Sida 1 av 3",
  "(", ")", "§", "", " ", "\f",
]);
