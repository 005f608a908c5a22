// Load order: dependencies first, ties in input order, cycles named.
#include <gtest/gtest.h>

#include "transform/check_mappings.h"
#include "tests/transform/test_catalogs.h"
#include "transform/diagnostic.h"
#include "transform/load_order.h"

namespace handover::transform {
namespace {

TEST(LangLoadOrder, ReferencedMappingsComeFirst) {
  const LoadOrder o = DeriveLoadOrder({"payment", "person", "contact", "staff"},
                                      {{"person", "staff"}, {}, {"person"}, {}});
  EXPECT_TRUE(o.cycle.empty());
  ASSERT_EQ(o.order.size(), 4u);
  // person and staff before payment; person before contact; otherwise input order.
  EXPECT_EQ(o.order, (std::vector<size_t>{1, 3, 0, 2}));
}

TEST(LangLoadOrder, IndependentMappingsKeepInputOrder) {
  const LoadOrder o = DeriveLoadOrder({"a", "b", "c"}, {{}, {}, {}});
  EXPECT_EQ(o.order, (std::vector<size_t>{0, 1, 2}));
}

TEST(LangLoadOrder, UnknownReferencesAreIgnored) {
  const LoadOrder o = DeriveLoadOrder({"a"}, {{"elsewhere"}});
  EXPECT_EQ(o.order, (std::vector<size_t>{0}));
}

TEST(LangLoadOrder, CycleIsReportedAsAPath) {
  const LoadOrder o = DeriveLoadOrder({"a", "b", "c", "d"}, {{"b"}, {"c"}, {"a"}, {}});
  EXPECT_TRUE(o.order.empty());
  EXPECT_EQ(o.cycle, (std::vector<std::string>{"a", "b", "c", "a"}));
}

TEST(LangLoadOrder, SelfReferenceIsACycle) {
  const LoadOrder o = DeriveLoadOrder({"person"}, {{"person"}});
  EXPECT_EQ(o.cycle, (std::vector<std::string>{"person", "person"}));
}

TEST(LangLoadOrder, ProgramIsSortedEvenWhenFilesAreNot) {
  // payment is declared first but references person.
  const std::string text = R"(
mapping payment from payments p
  key p.payment_id
  into payment
  payment_id   = council_id
  person_id    = xref(person, p.client_ref)
  amount_pence = money(p.amount)

mapping person from clients c
  key c.client_ref
  into person
  person_id  = council_id
  first_name = c.forename
  last_name  = c.surname
)";
  const CheckResult r = testing::CheckText(text);
  ASSERT_TRUE(r.ok()) << FormatDiagnostics(r.diagnostics);
  ASSERT_EQ(r.program->mappings.size(), 2u);
  EXPECT_EQ(r.program->mappings[0]->name(), "person");
  EXPECT_EQ(r.program->mappings[1]->name(), "payment");
}

TEST(LangLoadOrder, CycleAcrossMappingsIsADiagnostic) {
  const std::string text = R"(mapping a from clients c
  key c.client_ref
  into person
  person_id  = council_id
  first_name = c.forename
  last_name  = c.surname
  age        = xref(a, c.client_ref)
)";
  const CheckResult r = testing::CheckText(text);
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].message,
            "mappings reference each other in a cycle (a -> a), so no load order exists");
  EXPECT_EQ(r.diagnostics[0].line, 1);
  EXPECT_EQ(r.diagnostics[0].column, 9);
}

}  // namespace
}  // namespace handover::transform
