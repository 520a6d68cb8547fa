namespace SocialPrescribing.Host.Features.SafetyAlerts;

/// <summary>
/// A page of the program's open safety alerts. <c>pageSize</c> and <c>total</c> count journeys with an open alert: a
/// journey's open alerts are all on the same page, so a page may hold more alerts than its size.
/// </summary>
internal sealed record OpenSafetyAlertsResponse(IReadOnlyList<OpenSafetyAlertItem> Items, int Page, int PageSize, long Total);
