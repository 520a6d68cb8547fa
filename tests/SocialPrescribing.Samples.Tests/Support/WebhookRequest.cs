namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>A request a <see cref="WebhookReceiver"/> was sent: its path, its <c>X-Contoso-Signature</c> and its body as sent.</summary>
internal sealed record WebhookRequest(string Path, string Signature, string Body);
