// "Using PyTorch to Create a Training Job (New-Version Training)" of the ModelArts API reference, as a program:
//   1. obtain a token, 2. pick a CPU flavor, 3. pick the PyTorch engine, 4. create an algorithm,
//   5. create a training job from it, 6. wait for the job, 7. get its log link, 8. read its metrics, 9. delete it.
// With MODELARTS_ENDPOINT, MODELARTS_IAM_ENDPOINT, MODELARTS_USER, MODELARTS_PASSWORD, MODELARTS_DOMAIN,
// MODELARTS_PROJECT_NAME, MODELARTS_PROJECT_ID and MODELARTS_OBS_BUCKET set it talks to the real service;
// otherwise to a stand-in on 127.0.0.1 that plays the documented answers, and says so.
using PyTorchTraining;

return await Walkthrough.RunAsync(Console.Out, Environment.GetEnvironmentVariable, CancellationToken.None);
