#include "generator/names.h"

namespace handover::generator {

const std::vector<std::string>& Surnames() {
  static const std::vector<std::string> kNames = {
      "Smith",     "Jones",    "Taylor",    "Brown",       "Williams",  "Wilson",   "Johnson",
      "Davies",    "Robinson", "Wright",    "Thompson",    "Evans",     "Walker",   "White",
      "Roberts",   "Green",    "Hall",      "Wood",        "Jackson",   "Clarke",   "Patel",
      "Khan",      "Lewis",    "James",     "Phillips",    "Mason",     "Mitchell", "Rose",
      "Rodriguez", "Cox",      "Alexander", "Morgan",      "Moore",     "Martin",   "Price",
      "Hughes",    "Lee",      "Harris",    "King",        "Baker",     "Turner",   "Edwards",
      "Collins",   "Stewart",  "Morris",    "Murphy",      "Cook",      "Rogers",   "Bell",
      "Ward",      "Watson",   "Cooper",    "Richardson",  "Gray",      "Kelly",    "Howard",
      "Bennett",   "Carter",   "Parker",    "Campbell",    "Ahmed",     "Hussain",  "Ali",
      "Begum",     "Singh",    "Kaur",      "Shah",        "Akhtar",    "Iqbal",    "Okafor",
      "Mensah",    "Nowak",    "Kowalski",  "Lewandowski", "Byrne",     "Doyle",    "Gallagher",
      "Quinn",     "Walsh",    "Fraser",    "Graham",      "Hamilton",  "Reid",     "Duncan",
      "Fletcher",  "Barker",   "Holmes",    "Lloyd",       "Owen",      "Pearson",  "Marshall",
      "Chapman",   "Dixon",    "Hunt",      "Palmer",      "Grant",     "Knight",   "Russell",
      "Burton",    "Webb",     "Barnes",    "Fisher",      "Harvey",    "Lawrence", "Sutton",
      "Newton",    "Booth",    "Ellis",     "Gibson",      "Shaw",      "Simpson",  "Wells",
      "Foster",    "Spencer",  "Butler",    "Brooks",      "Atkinson",  "Hardy",    "Hudson",
      "Kennedy",   "Day",      "Dawson",    "Mills",       "Rowe",      "Nash",     "Lowe",
      "Francis",   "Frost",    "Holt",      "Potter",      "Slater",    "Vaughan",  "Walton",
      "Nolan",     "Connolly", "Farrell",   "Sheikh",      "Mahmood",   "Rahman",   "Nwosu",
      "Adeyemi",   "Boateng",  "Asante",    "Zielinski",   "Kaczmarek", "O'Brien"};
  return kNames;
}

const std::vector<std::vector<std::string>>& ForenamesByInitial() {
  static const std::vector<std::vector<std::string>> kNames = {
      {"Aaliyah", "Adam", "Amelia", "Aisha"},
      {"Ben", "Bethany", "Bilal"},
      {"Callum", "Chloe", "Christopher", "Courtney"},
      {"Daniel", "Demi", "Dylan"},
      {"Ella", "Ethan", "Emily"},
      {"Faisal", "Freya", "Finley"},
      {"Grace", "George", "Georgia"},
      {"Harry", "Holly", "Hassan"},
      {"Imogen", "Isaac", "Isabella"},
      {"Jack", "Jade", "Jordan", "Jessica"},
      {"Kayleigh", "Kieran", "Kacper"},
      {"Liam", "Leah", "Lewis"},
      {"Mohammed", "Megan", "Mason"},
      {"Nathan", "Nia", "Noah"},
      {"Oliver", "Olivia", "Oscar"},
      {"Paige", "Patryk", "Precious"},
      {"Reece", "Rebecca", "Riley"},
      {"Sophie", "Samuel", "Shannon"},
      {"Tyler", "Tia", "Thomas"},
      {"Zara", "Zak", "Zainab"},
  };
  return kNames;
}

std::string ForenameVariant(const std::string& forename, size_t pick) {
  static const std::vector<std::pair<std::string, std::string>> kShort = {
      {"Christopher", "Chris"}, {"Daniel", "Dan"},    {"Samuel", "Sam"},
      {"Mohammed", "Muhammad"}, {"Thomas", "Tom"},    {"Rebecca", "Rebekah"},
      {"Jessica", "Jess"},      {"Isabella", "Izzy"}, {"Oliver", "Ollie"},
      {"Nathan", "Nate"},       {"Bethany", "Beth"},  {"Kayleigh", "Kayley"}};
  for (const auto& [full, variant] : kShort)
    if (full == forename) return variant;
  // No nickname: the provider typed it in capitals the second time.
  std::string out = forename;
  if (pick % 2 == 0)
    for (auto& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  else
    out += " ";
  return out;
}

}  // namespace handover::generator
