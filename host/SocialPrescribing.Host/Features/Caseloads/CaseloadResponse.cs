namespace SocialPrescribing.Host.Features.Caseloads;

/// <summary>
/// A page of a caseload. <c>total</c> counts the journeys the filters pick (one of 1,000 or more may have been counted
/// up to 30 seconds before); <c>next</c>, when the page is full, is the position to pass as <c>after</c> for the page
/// that follows, however deep (null when this page is not full).
/// </summary>
internal sealed record CaseloadResponse(IReadOnlyList<CaseloadItem> Items, int Page, int PageSize, long Total, string? Next);
