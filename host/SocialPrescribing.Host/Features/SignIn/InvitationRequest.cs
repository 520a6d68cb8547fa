namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>A tenant admin invites a person: their sign-in name, the name others see, their roles in the tenant, and the language of the invitation page (en or fr; default en).</summary>
internal sealed record InvitationRequest(string? UserName, string? DisplayName, IReadOnlyList<string>? Roles, string? Language);
