namespace SocialPrescribing.Host.Api.Responses;

internal sealed record CaseloadResponse(IReadOnlyList<CaseloadItem> Items, int Page, int PageSize, long Total);
