namespace SocialPrescribing.Host.Features.Caseloads;

internal sealed record CaseloadResponse(IReadOnlyList<CaseloadItem> Items, int Page, int PageSize, long Total);
