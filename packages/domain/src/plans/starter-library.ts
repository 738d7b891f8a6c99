import type { TemplateContent } from '../api/plan-library.js';

export interface StarterTemplate {
  /** Stable: the organization's copy remembers which starter it came from. */
  key: string;
  title: string;
  description: string;
  content: TemplateContent;
}

/**
 * The starter library: problem, goal, objective and intervention templates written for Trellis
 * (not copied from a published planner). Goals are phrased as a participant might say them and
 * are meant to be rewritten in the participant's own words; objectives are observable, each with
 * its measure and a target a number of weeks after the plan starts. Organizations copy and edit
 * them; picking one fills a draft, and everything stays editable.
 */
export const PLAN_STARTER_TEMPLATES: readonly StarterTemplate[] = [
  {
    key: 'depression',
    title: 'Depression',
    description: 'Low mood, loss of interest and withdrawal, with a safety component.',
    content: {
      problems: [
        {
          statement:
            'Depressed mood most days, with loss of interest, low energy and withdrawal from family, friends and work.',
          link: { diagnosisPrefixes: ['F32', 'F33', 'F34.1', 'F06.31'], asamDimension: 3 },
          goals: [
            {
              text: 'I want to feel like myself again and get back to the things I used to enjoy.',
              objectives: [
                {
                  text: 'Schedule and complete at least three planned pleasant or valued activities each week.',
                  measure: 'Weekly activity log reviewed in individual sessions',
                  targetWeeks: 4,
                },
                {
                  text: 'Identify two unhelpful thinking patterns and practise a balanced alternative for each.',
                  measure: 'Thought records brought to group, at least two per week',
                  targetWeeks: 6,
                },
                {
                  text: 'Reduce depressive symptoms to a PHQ-9 score below 10.',
                  measure: 'PHQ-9 every two weeks',
                  targetWeeks: 8,
                },
              ],
            },
            {
              text: 'I want to have a plan for the days when things get really dark.',
              objectives: [
                {
                  text: 'Complete a written safety plan with warning signs, coping steps and people to contact.',
                  measure: 'Safety plan on file and reviewed with the clinician',
                  targetWeeks: 1,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'group_cbt',
              frequency: { times: 3, per: 'week' },
              description: 'Behavioural activation and cognitive restructuring skills.',
            },
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Review activity log and thought records; safety plan review.',
            },
            {
              modality: 'medication_management',
              frequency: { times: 1, per: 'month' },
              description: 'Evaluate and monitor antidepressant treatment.',
            },
          ],
        },
      ],
    },
  },
  {
    key: 'anxiety',
    title: 'Anxiety',
    description: 'Excessive worry, panic or avoidance that limits daily life.',
    content: {
      problems: [
        {
          statement:
            'Persistent worry and physical anxiety (racing heart, tension, poor sleep) leading to avoidance of work, errands and social situations.',
          link: { diagnosisPrefixes: ['F41', 'F40', 'F06.4'], asamDimension: 3 },
          goals: [
            {
              text: 'I want to stop letting worry decide what I can and cannot do.',
              objectives: [
                {
                  text: 'Use a calming skill (paced breathing or grounding) when anxiety rises, on at least five days a week.',
                  measure: 'Daily skills practice card',
                  targetWeeks: 3,
                },
                {
                  text: 'Build a list of avoided situations ranked by difficulty and complete the first three steps.',
                  measure: 'Exposure hierarchy with completed steps, reviewed weekly',
                  targetWeeks: 6,
                },
                {
                  text: 'Reduce anxiety symptoms to a GAD-7 score below 10.',
                  measure: 'GAD-7 every two weeks',
                  targetWeeks: 8,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'group_cbt',
              frequency: { times: 2, per: 'week' },
              description: 'Worry management, cognitive restructuring and graded exposure.',
            },
            {
              modality: 'dbt_skills',
              frequency: { times: 1, per: 'week' },
              description: 'Distress tolerance and mindfulness skills.',
            },
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Plan and review exposure steps.',
            },
          ],
        },
      ],
    },
  },
  {
    key: 'ptsd',
    title: 'PTSD',
    description: 'Trauma-related intrusions, avoidance, hyperarousal and sleep problems.',
    content: {
      problems: [
        {
          statement:
            'Intrusive memories, nightmares and being constantly on guard after trauma, with avoidance of reminders that narrows daily life.',
          link: { diagnosisPrefixes: ['F43.1', 'F43.8', 'F43.9'], asamDimension: 3 },
          goals: [
            {
              text: 'I want to feel safe in my own body and sleep through the night more often.',
              objectives: [
                {
                  text: 'Name personal trauma triggers and use a grounding skill when triggered, at least four times a week.',
                  measure: 'Trigger and skills log reviewed weekly',
                  targetWeeks: 3,
                },
                {
                  text: 'Follow a sleep routine on at least five nights a week.',
                  measure: 'Sleep diary',
                  targetWeeks: 4,
                },
                {
                  text: 'Reduce trauma symptoms by at least 10 points on the PCL-5 from the intake score.',
                  measure: 'PCL-5 monthly',
                  targetWeeks: 10,
                },
              ],
            },
            {
              text: 'I want to go back to places and people I have been avoiding.',
              objectives: [
                {
                  text: 'Return to two avoided everyday situations, planned in advance with the therapist.',
                  measure: 'Avoidance list with dates completed',
                  targetWeeks: 8,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Trauma-focused therapy; pacing agreed with the participant.',
            },
            {
              modality: 'dbt_skills',
              frequency: { times: 2, per: 'week' },
              description: 'Grounding, emotion regulation and distress tolerance skills.',
            },
            {
              modality: 'process_group',
              frequency: { times: 1, per: 'week' },
              description: 'Support and connection; no trauma detail shared in group.',
            },
          ],
        },
      ],
    },
  },
  {
    key: 'bipolar',
    title: 'Bipolar disorder',
    description: 'Mood episodes, early warning signs, routine and medication adherence.',
    content: {
      problems: [
        {
          statement:
            'Mood swings between depression and periods of high energy and reduced sleep, with missed medication and disrupted routines.',
          link: { diagnosisPrefixes: ['F31', 'F34.0'], asamDimension: 3 },
          goals: [
            {
              text: 'I want to keep my moods steady enough to keep my job and my relationships.',
              objectives: [
                {
                  text: 'Track mood, sleep and medication daily.',
                  measure: 'Daily mood chart reviewed weekly',
                  targetWeeks: 2,
                },
                {
                  text: 'Write a relapse-signature plan naming three early warning signs and what to do for each.',
                  measure: 'Written plan shared with a chosen support person',
                  targetWeeks: 4,
                },
                {
                  text: 'Take medication as prescribed on at least 90% of days.',
                  measure: 'Self-report and pharmacy refill check at each medication visit',
                  targetWeeks: 8,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'medication_management',
              frequency: { times: 2, per: 'month' },
              description: 'Mood stabiliser review, side effects and adherence.',
            },
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Mood charting, routine and early-warning-sign planning.',
            },
            {
              modality: 'life_skills',
              frequency: { times: 1, per: 'week' },
              description: 'Sleep, daily structure and stress management.',
            },
            {
              modality: 'family_therapy',
              frequency: { times: 2, per: 'month' },
              description: 'Help family recognise warning signs and respond together.',
            },
          ],
        },
      ],
    },
  },
  {
    key: 'alcohol-use',
    title: 'Alcohol use',
    description: 'Drinking that causes harm, with cravings and relapse risk.',
    content: {
      problems: [
        {
          statement:
            'Drinking more and longer than intended, with cravings, failed attempts to cut down, and harm to health, work and family.',
          link: { diagnosisPrefixes: ['F10'], asamDimension: 5 },
          goals: [
            {
              text: 'I want to stop drinking and stay stopped.',
              objectives: [
                {
                  text: 'Identify personal high-risk situations and a coping response for each.',
                  measure: 'Written high-risk situation plan reviewed in group',
                  targetWeeks: 3,
                },
                {
                  text: 'Stay alcohol-free, confirmed by self-report and negative screens.',
                  measure: 'Weekly self-report and random breath or urine screens',
                  targetWeeks: 8,
                },
                {
                  text: 'Attend at least two community recovery meetings a week.',
                  measure: 'Meeting attendance log',
                  targetWeeks: 6,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'relapse_prevention',
              frequency: { times: 2, per: 'week' },
              description: 'Triggers, cravings, refusal skills and lapse planning.',
            },
            {
              modality: 'process_group',
              frequency: { times: 1, per: 'week' },
              description: 'Recovery support and accountability.',
            },
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Motivational interviewing; review screens and recovery plan.',
            },
            {
              modality: 'medication_management',
              frequency: { times: 1, per: 'month' },
              description: 'Consider medication for alcohol use disorder.',
            },
          ],
        },
      ],
    },
  },
  {
    key: 'opioid-use',
    title: 'Opioid use',
    description: 'Opioid use with overdose risk, medication for opioid use disorder.',
    content: {
      problems: [
        {
          statement:
            'Ongoing opioid use with withdrawal, cravings and overdose risk, affecting health, finances and relationships.',
          link: { diagnosisPrefixes: ['F11'], asamDimension: 1 },
          goals: [
            {
              text: 'I want to stay alive and stop using.',
              objectives: [
                {
                  text: 'Start or continue medication for opioid use disorder and attend every prescriber visit.',
                  measure: 'Prescriber visit attendance and dosing record',
                  targetWeeks: 2,
                },
                {
                  text: 'Carry naloxone and teach one support person how to use it.',
                  measure: 'Naloxone kit and teaching confirmed in session',
                  targetWeeks: 1,
                },
                {
                  text: 'Provide urine screens free of non-prescribed opioids for four weeks in a row.',
                  measure: 'Weekly urine drug screens',
                  targetWeeks: 8,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'medication_management',
              frequency: { times: 1, per: 'week' },
              description:
                'Buprenorphine or naltrexone induction and follow-up; coordinate with OTP if methadone.',
            },
            {
              modality: 'relapse_prevention',
              frequency: { times: 2, per: 'week' },
              description: 'Craving management, triggers, overdose prevention.',
            },
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Recovery planning and motivational work.',
            },
            {
              modality: 'peer_support',
              frequency: { times: 1, per: 'week' },
              description: 'Recovery coach check-in.',
            },
          ],
        },
      ],
    },
  },
  {
    key: 'stimulant-use',
    title: 'Stimulant use',
    description: 'Cocaine or methamphetamine use; contingency and structure.',
    content: {
      problems: [
        {
          statement:
            'Use of stimulants (cocaine or methamphetamine) in binges, with sleep loss, paranoia, money problems and difficulty stopping.',
          link: { diagnosisPrefixes: ['F14', 'F15'], asamDimension: 5 },
          goals: [
            {
              text: 'I want my days to have a shape again and not be run by using.',
              objectives: [
                {
                  text: 'Follow a written daily schedule with planned activities for the high-risk hours, at least five days a week.',
                  measure: 'Daily schedule reviewed in individual session',
                  targetWeeks: 3,
                },
                {
                  text: 'Provide stimulant-free urine screens for four weeks in a row.',
                  measure: 'Twice-weekly urine drug screens',
                  targetWeeks: 8,
                },
                {
                  text: 'Restore a regular sleep pattern of at least six hours on most nights.',
                  measure: 'Sleep diary',
                  targetWeeks: 4,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'relapse_prevention',
              frequency: { times: 2, per: 'week' },
              description: 'Triggers, cravings and structured time planning.',
            },
            {
              modality: 'group_cbt',
              frequency: { times: 1, per: 'week' },
              description: 'CBT for substance use: thoughts, urges and alternatives.',
            },
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Review screens and schedule; reinforce stimulant-free weeks.',
            },
            {
              modality: 'life_skills',
              frequency: { times: 1, per: 'week' },
              description: 'Budgeting, sleep and daily routine.',
            },
          ],
        },
      ],
    },
  },
  {
    key: 'co-occurring',
    title: 'Co-occurring disorders',
    description: 'A mental health condition and substance use treated together.',
    content: {
      problems: [
        {
          statement: 'Substance use used to cope with mental health symptoms, each making the other worse.',
          link: {
            diagnosisPrefixes: ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F19'],
            asamDimension: 5,
          },
          goals: [
            {
              text: 'I want to find ways to handle how I feel without using.',
              objectives: [
                {
                  text: 'Map the links between moods, situations and use, and name two alternative coping skills.',
                  measure: 'Completed chain analysis worksheets, at least one per week',
                  targetWeeks: 3,
                },
                {
                  text: 'Reduce days of use to none in the last two weeks before the target date.',
                  measure: 'Weekly timeline follow-back and urine drug screens',
                  targetWeeks: 8,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'relapse_prevention',
              frequency: { times: 2, per: 'week' },
              description: 'Integrated relapse prevention for mood and substance use.',
            },
            {
              modality: 'dbt_skills',
              frequency: { times: 1, per: 'week' },
              description: 'Emotion regulation and distress tolerance.',
            },
            {
              modality: 'individual_therapy',
              frequency: { times: 1, per: 'week' },
              description: 'Integrated treatment of both conditions.',
            },
          ],
        },
        {
          statement:
            'Mental health symptoms (mood or anxiety) that persist when not using and limit daily functioning.',
          link: { diagnosisPrefixes: ['F32', 'F33', 'F41', 'F43.1', 'F31'], asamDimension: 3 },
          goals: [
            {
              text: 'I want to feel steadier day to day.',
              objectives: [
                {
                  text: 'Reduce symptoms on the intake measure (PHQ-9 or GAD-7) by at least 5 points.',
                  measure: 'PHQ-9 or GAD-7 every two weeks',
                  targetWeeks: 8,
                },
                {
                  text: 'Take psychiatric medication as prescribed and report side effects at each visit.',
                  measure: 'Medication visit notes',
                  targetWeeks: 6,
                },
              ],
            },
          ],
          interventions: [
            {
              modality: 'medication_management',
              frequency: { times: 1, per: 'month' },
              description: 'Psychiatric evaluation and medication review.',
            },
            {
              modality: 'group_cbt',
              frequency: { times: 1, per: 'week' },
              description: 'CBT skills for mood and anxiety.',
            },
          ],
        },
      ],
    },
  },
];
