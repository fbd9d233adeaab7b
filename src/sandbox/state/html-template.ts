/**
 * A realistic, long HTML email template (about 30 KB), generated rather than stored. Real Customer.io
 * templates are tens of kilobytes of table-based HTML; clients must cope with answers this size.
 */

const FEATURES = [
  ["Faster dashboards", "Dashboards now load up to three times faster, even with a year of data."],
  ["Scheduled reports", "Send any report to your team every Monday morning, as PDF or CSV."],
  ["Team spaces", "Group projects by team and control who sees what with a single toggle."],
  ["Audit log", "Every change to a project is now recorded, with who made it and when."],
  ["Dark mode", "Easier on the eyes at night; follows your system setting automatically."],
  ["Keyboard shortcuts", "Press ? anywhere to see the shortcuts that save you a click."],
] as const;

function featureBlock(index: number): string {
  const [title, text] = FEATURES[index % FEATURES.length] ?? FEATURES[0];
  const anchor = `https://example.com/whats-new/${index + 1}?utm_source=customerio&utm_medium=email`;
  return `
  <tr>
    <td class="feature" style="padding:24px 32px;border-bottom:1px solid #eceff3;font-family:Helvetica,Arial,sans-serif;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
        <tr>
          <td width="72" valign="top" style="padding-right:16px;">
            <img src="https://cdn.example.com/email/icons/feature-${index + 1}.png" width="56" height="56" alt="${title}" style="display:block;border:0;border-radius:12px;" />
          </td>
          <td valign="top">
            <h2 style="margin:0 0 8px 0;font-size:20px;line-height:26px;color:#1f2933;">${index + 1}. ${title}</h2>
            <p style="margin:0 0 12px 0;font-size:15px;line-height:23px;color:#52606d;">${text} Hi {{customer.first_name | default: "there"}}, this is live on your {{customer.plan}} plan today.</p>
            <a href="${anchor}" style="display:inline-block;padding:10px 18px;background:#3b5bdb;color:#ffffff;text-decoration:none;border-radius:6px;font-size:14px;">Try it now &rarr;</a>
          </td>
        </tr>
      </table>
    </td>
  </tr>`;
}

/** The body of the "May product update" newsletter, Liquid tags included. */
export function productUpdateTemplate(): string {
  const blocks = Array.from({ length: 24 }, (_, index) => featureBlock(index)).join("");
  return `<!DOCTYPE html>
<html lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>What's new in Lumen this May</title>
  <style type="text/css">
    body { margin:0; padding:0; background:#f5f7fa; }
    table { border-collapse:collapse; }
    .feature h2 { font-weight:600; }
    @media only screen and (max-width:600px) {
      .container { width:100% !important; }
      .feature { padding:16px !important; }
    }
  </style>
</head>
<body style="margin:0;padding:0;background:#f5f7fa;">
  <div style="display:none;max-height:0;overflow:hidden;">Faster dashboards, scheduled reports and more.</div>
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f5f7fa;">
    <tr><td align="center" style="padding:32px 12px;">
      <table role="presentation" class="container" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;border-radius:8px;">
        <tr><td style="padding:32px;text-align:center;"><img src="https://cdn.example.com/email/logo.png" width="120" alt="Lumen" /></td></tr>${blocks}
        <tr>
          <td style="padding:24px 32px;font-family:Helvetica,Arial,sans-serif;font-size:12px;line-height:18px;color:#9aa5b1;text-align:center;">
            You are receiving this because you opted in to product news at {{customer.email}}.<br />
            <a href="{% unsubscribe_url %}" style="color:#9aa5b1;">Unsubscribe</a> &middot; Lumen Inc., 1 Example Way, Springfield
          </td>
        </tr>
      </table>
    </td></tr>
  </table>
</body>
</html>`;
}
