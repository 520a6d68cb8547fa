namespace SocialPrescribing.Host.Features.Transport;

internal sealed record ReturnRequest(WindowRequest? PickupWindow);
