// report.html: the one page a data officer reads and signs after a run. It
// is self-contained (inline CSS and SVG; no script, font, image or link to
// anywhere else) and shows only figures and reason codes, never a person's
// name or date of birth. Every string is written through HtmlEscape
// (html_page.h, included here for the renderers that draw into the page).
#pragma once

#include <string>
#include <string_view>

#include "reports/html_page.h"
#include "reports/reconciliation.h"

namespace handover::reports {

// The page for `reconciliation`, in this order: the verdict and its
// reasons with the run's identity; the ledger per mapping with a stacked bar
// each; the money equation per mapping with money; the exceptions by reason
// code; the OC3 figures (when the run has them); the run's scope. `written_at`
// is shown as the time the page was written (WriteRunReports passes UTC now).
// When `privacy` shows personal data, the page opens with kPersonalDataNotice
// (the page itself still shows none, but the report folder's worklist does).
std::string RenderHtml(const Reconciliation& reconciliation, std::string_view written_at,
                       const PrivacyOptions& privacy = {});

}  // namespace handover::reports
