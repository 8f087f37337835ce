namespace Sparkify.Pipeline.Tests.Fixtures;

/// "Finishes within a bound": the one timing a wait-that-ends test may assert; how fast is the benchmark's business.
static class Bounded
{
    /// The task's exception (it must fail) once it ended within <paramref name="bound"/>; fails the test when it did not end.
    public static async Task<Exception> FailureWithinAsync(Func<Task> work, TimeSpan bound, string what)
    {
        var task = Task.Run(work);
        Assert.That(await Task.WhenAny(task, Task.Delay(bound)), Is.SameAs(task), $"{what} did not end within {bound.TotalSeconds:0.#} s");
        Assert.That(task.IsFaulted, Is.True, $"{what} ended without failing");
        return task.Exception!.GetBaseException();
    }
}
