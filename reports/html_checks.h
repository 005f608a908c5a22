// The sections of report.html that show the independent checks
// (measures.h): money per young person three ways with the records behind
// each difference, and the OC3 figures of the source beside the migrated
// ones with the people who moved. Drawn into the page by html_renderer.cpp.
#pragma once

#include <string>

#include "reports/reconciliation.h"

namespace handover::reports {

void MoneyByPersonSection(std::string& out, const Reconciliation& r);
void StatutoryComparisonSection(std::string& out, const Reconciliation& r);

}  // namespace handover::reports
