/**
 * The text the fill-mask and generation stand-ins learn from: a few plain paragraphs written for this
 * project, so the demo's answers read like English without any downloaded model.
 */
export const CORPUS = `
Once upon a time there was a little robot who lived in a quiet town by the sea.
The robot liked to read books about the sea and the stars.
Every morning the robot walked to the harbour and watched the boats.
The cat sat on the mat.
The cat watched the robot from the window.
The dog slept on the mat by the door.
The goal of life is to learn, to help and to be kind.
Paris is the capital of France, and Berlin is the capital of Germany.
The answer to the universe is a question that nobody can answer.
The weather was warm and the sky was blue.
One day the robot found a map of the old town.
The map showed a path to a garden full of flowers.
The robot followed the path and found a small house in the garden.
An old woman lived in the house with her cat.
She gave the robot a cup of tea and a book about the stars.
The robot read the book and learned the names of the stars.
At night the robot looked at the sky and said the names of the stars.
The people of the town came to listen to the robot.
The children laughed and the robot was happy.
Learning is the best way to be happy, said the old woman.
The robot went home and wrote a story about the garden.
The story was short, but it was a good story.
`;
