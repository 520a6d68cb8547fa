using System.Collections.Concurrent;
using SocialPrescribing.Abstractions.Notifications;

namespace SocialPrescribing.Host.Tests;

/// <summary>A notification channel as a plugin would add one: it keeps what it was sent, or fails while told to.</summary>
public sealed class CapturingChannel : INotificationChannel
{
    public ConcurrentQueue<SafetyAlertNotification> Sent { get; } = new();

    public ConcurrentQueue<EmergencyAccessNotification> EmergencyAccesses { get; } = new();

    public bool Failing { get; set; }

    public string Id => "test-capture";

    public Task SendAsync(SafetyAlertNotification notification, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The test channel is down.");
        }

        Sent.Enqueue(notification);
        return Task.CompletedTask;
    }

    public Task SendAsync(EmergencyAccessNotification notification, CancellationToken cancellationToken)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The test channel is down.");
        }

        EmergencyAccesses.Enqueue(notification);
        return Task.CompletedTask;
    }
}
