namespace SocialPrescribing.Abstractions.Notifications;

/// <summary>A person a notification goes to.</summary>
/// <param name="Id">Their user id in the framework.</param>
/// <param name="DisplayName">Their name, for the greeting.</param>
/// <param name="Email">Their e-mail address when the tenant configured one; channels that need it skip recipients without.</param>
public sealed record NotificationRecipient(string Id, string DisplayName, string? Email);
