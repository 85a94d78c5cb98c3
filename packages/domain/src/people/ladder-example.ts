import type { LadderInput } from './person.ts';

/**
 * A realistic ladder, valid against Fangchenggang's 2023 floors (¥2,400 / ¥3,200 / ¥3,800 / ¥4,600):
 * the API's example of a save, the ladder the test world seeds and the one the core's tests save.
 * Demo data, like FANGCHENGGANG_2023: nothing in the product may depend on its levels.
 */
export const LADDER_EXAMPLE: LadderInput = {
  levels: [
    {
      id: 'trainee',
      name: '社工助理',
      postClass: 'none',
      requirements: {
        minCertificate: 'none',
        minYearsPractice: 0,
        minEducation: 'secondary',
        continuingEducationUpToDate: false,
      },
      payBand: { min: 2_600_00, max: 3_200_00 },
    },
    {
      id: 'assistant',
      name: '助理社工师',
      postClass: 'junior',
      requirements: {
        minCertificate: 'assistant',
        minYearsPractice: 1,
        minEducation: 'associate',
        continuingEducationUpToDate: true,
      },
      payBand: { min: 3_400_00, max: 4_200_00 },
    },
    {
      id: 'social-worker',
      name: '社工师',
      postClass: 'intermediate',
      requirements: {
        minCertificate: 'social_worker',
        minYearsPractice: 3,
        minEducation: 'bachelor',
        continuingEducationUpToDate: true,
      },
      payBand: { min: 4_200_00, max: 5_600_00 },
    },
    {
      id: 'senior',
      name: '高级社工师',
      postClass: 'senior',
      requirements: {
        minCertificate: 'senior',
        minYearsPractice: 8,
        minEducation: 'bachelor',
        continuingEducationUpToDate: true,
      },
      payBand: { min: 5_600_00, max: 8_000_00 },
    },
  ],
};
